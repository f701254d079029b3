//! Command-line interface: argument parsing and dispatch to `commands`.

use crate::commands::{self, check::Format};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "danhmuc", version, about = "Dựng trang web tĩnh cho Danh mục cơ sở dữ liệu dùng chung")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Dựng toàn bộ trang web vào thư mục đầu ra (mặc định site/).
    Build {
        /// Thư mục dự án (chứa danhmuc.toml và content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Thư mục đầu ra; mặc định ROOT/site.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Địa chỉ gốc tuyệt đối của trang (cho sitemap.xml), thay cho base_url trong cấu hình.
        #[arg(long)]
        base_url: Option<String>,
        /// In thời gian của từng bước (đọc, dựng, ghi) ra stderr.
        #[arg(long)]
        timings: bool,
    },
    /// Kiểm tra nội dung và báo mọi lỗi, không ghi gì.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Định dạng báo cáo.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Coi cảnh báo là lỗi.
        #[arg(long)]
        strict: bool,
    },
    /// Xem trước trên 127.0.0.1: dựng lại mỗi khi lưu tệp và tự tải lại trang.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Cổng; nếu đang bận, dùng cổng trống kế tiếp. 0: để hệ thống chọn.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Dò thay đổi định kỳ thay vì dùng sự kiện của hệ điều hành (cho ổ mạng, máy ảo).
        #[arg(long)]
        poll: bool,
    },
    /// Tạo tệp CSDL mới với số thứ tự tiếp theo trong nhóm.
    New {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Nhóm: A hoặc B.
        #[arg(long)]
        group: String,
        /// Mã lĩnh vực (trong content/sectors.yaml).
        #[arg(long)]
        sector: String,
        /// Mã đơn vị chủ trì (trong content/agencies.yaml); lặp lại cho nhiều đơn vị.
        #[arg(long = "agency")]
        agencies: Vec<String>,
        /// Tên CSDL, ví dụ "CSDL Đất đai".
        #[arg(allow_hyphen_values = true)]
        title: String,
    },
    /// Tạo dự án Danh mục mới trong thư mục trống: cấu hình, lĩnh vực, đơn vị, Quyết định và hai CSDL mẫu.
    Init {
        /// Thư mục của dự án mới (trống hoặc chưa có); mặc định: thư mục hiện tại.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Nhập các CSDL từ bảng tính (.csv hoặc .xlsx) có các cột như data/catalog.csv của trang.
    Import {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Tệp bảng tính.
        file: PathBuf,
    },
    /// So sánh hai phiên bản của danh mục: thêm, bỏ, đổi địa chỉ và từng chữ đã sửa.
    Diff {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Phiên bản cũ: thẻ git (ví dụ qd-1234-2026) hoặc thư mục dự án; mặc định: phiên bản đang có hiệu lực.
        old: Option<String>,
        /// Phiên bản mới: thẻ git hoặc thư mục dự án; mặc định: bản đang sửa.
        new: Option<String>,
        /// Định dạng báo cáo.
        #[arg(long, value_enum, default_value_t = commands::diff::Format::Text)]
        format: commands::diff::Format,
    },
    /// In JSON Schema của phần thông tin (front matter), cho trình soạn thảo.
    Schema {
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Build { root, output, base_url, timings } => {
            let output = output.unwrap_or_else(|| root.join("site"));
            commands::build::run(&commands::build::BuildArgs {
                root: &root,
                output: &output,
                base_url: base_url.as_deref(),
                timings,
            })
        }
        Command::Check { root, format, strict } => commands::check::run(&root, format, strict),
        Command::Init { dir } => commands::init::run(&dir),
        Command::Import { root, file } => commands::import::run(&root, &file),
        Command::Diff { root, old, new, format } => commands::diff::run(&commands::diff::DiffArgs {
            root: &root,
            old: old.as_deref(),
            new: new.as_deref(),
            format,
        }),
        Command::Serve { root, port, poll } => {
            commands::serve::run(&commands::serve::ServeArgs { root: &root, port, poll })
        }
        Command::Schema { root } => {
            let (project, _) = crate::source::load(&root);
            print!("{}", crate::schema::to_text(&crate::schema::front_matter_schema(&project)));
            crate::exit::OK
        }
        Command::New { root, group, sector, agencies, title } => commands::new::run(&commands::new::NewArgs {
            root: &root,
            title: &title,
            group: &group,
            sector: &sector,
            agencies: &agencies,
        }),
    };
    ExitCode::from(code)
}

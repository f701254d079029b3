//! Command-line interface: argument parsing and dispatch to `commands`.
//! The arguments are declared here; `vietnamese` makes clap speak
//! Vietnamese.

mod vietnamese;

use crate::commands::{self, check::Format};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Every command's `--root`: the catalog's folder.
const ROOT_HELP: &str = "Thư mục Danh mục (chứa danhmuc.toml và content/); mặc định: thư mục hiện tại";

#[derive(Parser)]
#[command(
    name = "danhmuc",
    version,
    about = "Dựng trang thông tin điện tử tĩnh cho Danh mục cơ sở dữ liệu dùng chung."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Kiểm tra nội dung, rồi dựng toàn bộ trang vào thư mục đầu ra (mặc định: site/).
    Build {
        #[arg(long, default_value = ".", value_name = "THƯ_MỤC", help = ROOT_HELP)]
        root: PathBuf,
        /// Thư mục đầu ra; mặc định: site/ trong thư mục Danh mục.
        #[arg(long, value_name = "THƯ_MỤC")]
        output: Option<PathBuf>,
        /// Địa chỉ gốc tuyệt đối của trang (cho sitemap.xml), thay cho base_url trong danhmuc.toml.
        #[arg(long, value_name = "ĐỊA_CHỈ")]
        base_url: Option<String>,
        /// In thời gian của từng bước (đọc, dựng, ghi).
        #[arg(long)]
        timings: bool,
    },
    /// Kiểm tra nội dung và báo mọi lỗi, không ghi gì.
    Check {
        #[arg(long, default_value = ".", value_name = "THƯ_MỤC", help = ROOT_HELP)]
        root: PathBuf,
        /// Cách in báo cáo: human (cho người đọc, có trích đoạn; mặc định) hoặc json (mỗi dòng một đối tượng JSON, cho kiểm tra tự động).
        #[arg(long, value_enum, default_value_t = Format::Human, value_name = "ĐỊNH_DẠNG")]
        format: Format,
        /// Coi cảnh báo là lỗi, và báo cả những chỗ viết khác cách viết chung của Danh mục.
        #[arg(long)]
        strict: bool,
    },
    /// Xem trước trên 127.0.0.1: dựng lại mỗi khi lưu tệp và tự tải lại trang.
    Serve {
        #[arg(long, default_value = ".", value_name = "THƯ_MỤC", help = ROOT_HELP)]
        root: PathBuf,
        /// Cổng mạng, một số từ 0 đến 65535 (mặc định: 1111); nếu đang bận, dùng cổng mạng trống kế tiếp; 0: để hệ điều hành chọn.
        #[arg(long, default_value_t = 1111, value_name = "CỔNG_MẠNG")]
        port: u16,
        /// Dò thay đổi định kỳ thay vì dùng sự kiện của hệ điều hành (cho ổ mạng, máy ảo).
        #[arg(long)]
        poll: bool,
    },
    /// Tạo tệp CSDL mới với số thứ tự tiếp theo trong nhóm.
    New {
        #[arg(long, default_value = ".", value_name = "THƯ_MỤC", help = ROOT_HELP)]
        root: PathBuf,
        /// Nhóm: A (do bộ, ngành trung ương triển khai) hoặc B (do tỉnh triển khai).
        #[arg(long, value_name = "NHÓM")]
        group: String,
        /// Mã lĩnh vực (trong content/sectors.yaml).
        #[arg(long, value_name = "MÃ")]
        sector: String,
        /// Mã đơn vị chủ trì (trong content/agencies.yaml); lặp lại cho nhiều đơn vị.
        #[arg(long = "agency", value_name = "MÃ", required = true)]
        agencies: Vec<String>,
        /// Tên CSDL, ví dụ "CSDL Đất đai".
        #[arg(allow_hyphen_values = true, value_name = "TÊN")]
        title: String,
    },
    /// Tạo thư mục Danh mục mới (trống hoặc chưa có): cấu hình, lĩnh vực, đơn vị, Quyết định và hai CSDL mẫu.
    Init {
        /// Thư mục Danh mục mới; mặc định: thư mục hiện tại.
        #[arg(default_value = ".", value_name = "THƯ_MỤC")]
        dir: PathBuf,
    },
    /// Nhập các CSDL từ bảng tính (.csv hoặc .xlsx) có các cột như data/catalog.csv của trang.
    Import {
        #[arg(long, default_value = ".", value_name = "THƯ_MỤC", help = ROOT_HELP)]
        root: PathBuf,
        /// Tệp bảng tính (.csv hoặc .xlsx).
        #[arg(value_name = "TỆP")]
        file: PathBuf,
    },
    /// So sánh hai phiên bản của Danh mục: các CSDL bổ sung, đưa ra khỏi Danh mục, đổi tên và từng chữ sửa đổi.
    Diff {
        #[arg(long, default_value = ".", value_name = "THƯ_MỤC", help = ROOT_HELP)]
        root: PathBuf,
        /// Phiên bản cũ: số Quyết định đã khai báo (ví dụ 1234/QĐ-UBND hoặc 1234), thẻ git (ví dụ qd-1234-2026) hoặc thư mục Danh mục; mặc định: Quyết định đã ban hành gần nhất có thẻ git (revision), không tính Quyết định ghi trong [decision].
        #[arg(value_name = "CŨ")]
        old: Option<String>,
        /// Phiên bản mới: số Quyết định, thẻ git hoặc thư mục Danh mục; mặc định: bản đang sửa (nội dung hiện có trong thư mục Danh mục), hoặc, khi bản đang sửa đã ký, Quyết định mới nhất đã ban hành.
        #[arg(value_name = "MỚI")]
        new: Option<String>,
        /// Cách in báo cáo: text (cho cửa sổ lệnh; mặc định), markdown (cho yêu cầu hợp nhất, tờ trình), json (cho công cụ khác) hoặc docx (bảng so sánh dạng Word, ghi vào --output).
        #[arg(long, value_enum, default_value_t = commands::diff::Format::Text, value_name = "ĐỊNH_DẠNG")]
        format: commands::diff::Format,
        /// Tệp Word để ghi bảng so sánh (bắt buộc với --format docx).
        #[arg(long, value_name = "TỆP")]
        output: Option<PathBuf>,
    },
    /// In lược đồ JSON Schema của phần thông tin đầu mỗi tệp CSDL, cho trình soạn thảo.
    Schema {
        #[arg(long, default_value = ".", value_name = "THƯ_MỤC", help = ROOT_HELP)]
        root: PathBuf,
    },
}

pub fn run() -> ExitCode {
    let args = vietnamese::help_alias(std::env::args_os().collect());
    let command = vietnamese::command(Cli::command());
    let parsed = command.clone().try_get_matches_from(&args).and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => return ExitCode::from(vietnamese::report(&error, &command, &args)),
    };
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
        Command::Diff { root, old, new, format, output } => commands::diff::run(&commands::diff::DiffArgs {
            root: &root,
            old: old.as_deref(),
            new: new.as_deref(),
            format,
            output: output.as_deref(),
        }),
        Command::Serve { root, port, poll } => {
            commands::serve::run(&commands::serve::ServeArgs { root: &root, port, poll })
        }
        Command::Schema { root } => {
            let (project, _) = crate::source::load(&crate::project::Project::open(&root));
            commands::print_out(&crate::schema::to_text(&crate::schema::front_matter_schema(&project)));
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

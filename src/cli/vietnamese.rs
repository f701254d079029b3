//! The command line in Vietnamese: clap writes its help screens and its
//! errors in English ("Usage", "Options", "Print help", "error: unexpected
//! argument"), and the people who run `danhmuc` are civil servants who read
//! Vietnamese. clap has no translation support, so this module rewrites what
//! clap lets a program rewrite (headings, the help and version flags, usage
//! lines, the help screen's template) and words its errors itself from the
//! structured context clap attaches to them.
//!
//! Defaults and possible values are written in each argument's own help
//! text (clap would print "[default: …]" and "[possible values: …]").

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The heading of the options in every help screen.
const OPTIONS: &str = "Tùy chọn";
/// The heading of the positional arguments.
const ARGUMENTS: &str = "Tham số";

const TEMPLATE: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}\n";

/// `danhmuc help [LỆNH]`, as people type it, is `danhmuc [LỆNH] --help`.
pub fn help_alias(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// The command as clap builds it from the derive, with every piece of
/// English that clap would print replaced.
pub fn command(command: Command) -> Command {
    let mut command = translate(command, true);
    command.build();
    let usages: Vec<(String, String)> =
        command.get_subcommands().map(|sub| (sub.get_name().to_string(), usage_of(&mut sub.clone()))).collect();
    let top = usage_of(&mut command);
    let mut command = command.override_usage(top);
    for (name, usage) in usages {
        command = command.mut_subcommand(name, |sub| sub.override_usage(usage));
    }
    command
}

fn translate(command: Command, top: bool) -> Command {
    let mut command = command
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("In trang trợ giúp này"));
    if top {
        command = command
            .disable_version_flag(true)
            .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("In số phiên bản"));
    }
    let command = command.mut_args(|arg| {
        let heading = if arg.is_positional() { ARGUMENTS } else { OPTIONS };
        let arg = arg.help_heading(heading);
        if arg.get_action().takes_values() { arg.hide_default_value(true).hide_possible_values(true) } else { arg }
    });
    // Positional arguments keep their order (clap sorts a heading's
    // arguments by name otherwise).
    let positionals: Vec<String> = command.get_positionals().map(|arg| arg.get_id().to_string()).collect();
    let command = positionals
        .into_iter()
        .enumerate()
        .fold(command, |command, (order, id)| command.mut_arg(id, |arg| arg.display_order(order)));
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    names.into_iter().fold(command, |command, name| command.mut_subcommand(name, |sub| translate(sub, false)))
}

/// The usage line clap makes, with its English placeholders in Vietnamese.
fn usage_of(command: &mut Command) -> String {
    let usage = command.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    usage.replace("[OPTIONS]", "[TÙY_CHỌN]").replace("<COMMAND>", "<LỆNH>")
}

/// Prints a parsing error in Vietnamese (or the help or version screen
/// clap hands over as an "error") and returns the exit code: 0 for help and
/// version, 2 for a mistake on the command line.
pub fn report(error: &Error, command: &Command, args: &[std::ffi::OsString]) -> u8 {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            return crate::exit::OK;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return crate::exit::FAILURE;
        }
        _ => {}
    }
    eprintln!("Lỗi: {}", message(error));
    if let Some(help) = help_of_wrong_value(error, command, args) {
        eprintln!("{help}");
    }
    // The subcommand the mistake is in, when the command line names one.
    let name = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| command.find_subcommand(a).is_some())
        .map(str::to_string);
    if let Some(usage) = name.as_ref().and_then(|n| command.find_subcommand(n)).map(|sub| usage_of(&mut sub.clone())) {
        eprintln!("\nCách dùng: {usage}");
    }
    match name {
        Some(name) => eprintln!("Xem thêm: danhmuc {name} --help"),
        None => eprintln!("Xem thêm: danhmuc --help"),
    }
    crate::exit::FAILURE
}

/// What went wrong, in Vietnamese, from the context clap attached.
fn message(error: &Error) -> String {
    let arg = text(error, ContextKind::InvalidArg);
    let value = text(error, ContextKind::InvalidValue);
    let mut message = match error.kind() {
        ErrorKind::UnknownArgument => match arg.unwrap_or_default() {
            arg if arg.starts_with('-') => format!("không có tùy chọn “{arg}”."),
            arg => format!("thừa tham số “{arg}”."),
        },
        ErrorKind::InvalidSubcommand => {
            format!("không có lệnh “{}”.", text(error, ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::MissingSubcommand => "cần chọn một lệnh.".to_string(),
        ErrorKind::MissingRequiredArgument => format!("thiếu {}.", arg.unwrap_or_default()),
        ErrorKind::InvalidValue => match value.as_deref() {
            Some("") | None => format!("{} cần một giá trị.", arg.unwrap_or_default()),
            Some(value) => format!("“{value}” không phải giá trị hợp lệ của {}.", arg.unwrap_or_default()),
        },
        ErrorKind::ValueValidation => {
            format!("“{}” không phải giá trị hợp lệ của {}.", value.unwrap_or_default(), arg.unwrap_or_default())
        }
        ErrorKind::ArgumentConflict => {
            format!(
                "không thể dùng {} cùng với {}.",
                arg.unwrap_or_default(),
                text(error, ContextKind::PriorArg).unwrap_or_default()
            )
        }
        // A switch given a value (`--strict=yes`): clap counts one value
        // too many; the editor needs to hear that it takes none.
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => match arg {
            Some(arg) if !arg.contains('<') => format!("{arg} không nhận giá trị: chỉ viết {arg}."),
            arg => format!("số giá trị của {} không đúng.", arg.unwrap_or_default()),
        },
        ErrorKind::NoEquals => format!("{} cần dấu “=” trước giá trị.", arg.unwrap_or_default()),
        ErrorKind::InvalidUtf8 => "tham số có ký tự không đọc được (không phải UTF-8).".to_string(),
        _ => "tham số dòng lệnh không hợp lệ.".to_string(),
    };
    if let Some(valid) = list(error, ContextKind::ValidValue) {
        message.push_str(&format!(" Các giá trị được phép: {}.", valid.join(", ")));
    }
    for (kind, typed) in [
        (ContextKind::SuggestedArg, ContextKind::InvalidArg),
        (ContextKind::SuggestedSubcommand, ContextKind::InvalidSubcommand),
        (ContextKind::SuggestedValue, ContextKind::InvalidValue),
    ] {
        if let Some(suggested) = list(error, kind) {
            // clap may offer "schema" before "check" for "chek": keep the
            // names closest to what was typed, the closest first.
            let typed = text(error, typed).unwrap_or_default();
            let typed = typed.split_whitespace().next().unwrap_or_default();
            let closest = crate::text::closest(typed, suggested.iter().map(String::as_str));
            let shown = if closest.is_empty() { suggested.iter().map(String::as_str).collect() } else { closest };
            message.push_str(&format!(" Có phải ý bạn là “{}”?", shown.join("”, “")));
        }
    }
    message
}

fn text(error: &Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(list.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
    .map(|s| translate_placeholders(&s))
}

fn list(error: &Error, kind: ContextKind) -> Option<Vec<String>> {
    let items = match error.get(kind)? {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(list) => list.clone(),
        ContextValue::StyledStr(s) => vec![s.to_string()],
        ContextValue::StyledStrs(list) => list.iter().map(ToString::to_string).collect(),
        _ => return None,
    };
    (!items.is_empty()).then_some(items)
}

fn translate_placeholders(text: &str) -> String {
    text.replace("[OPTIONS]", "[TÙY_CHỌN]").replace("<COMMAND>", "<LỆNH>")
}

/// For a wrong value, what the argument's help says it takes (the range
/// of a network port, the formats), so that the fix is on the screen.
fn help_of_wrong_value(error: &Error, command: &Command, args: &[std::ffi::OsString]) -> Option<String> {
    if !matches!(error.kind(), ErrorKind::InvalidValue | ErrorKind::ValueValidation) {
        return None;
    }
    let wrong = text(error, ContextKind::InvalidArg)?;
    let long = wrong.split_whitespace().next()?.trim_start_matches("--").to_string();
    let sub = args.iter().skip(1).filter_map(|a| a.to_str()).find_map(|a| command.find_subcommand(a))?;
    let arg = sub.get_arguments().find(|arg| arg.get_long() == Some(long.as_str()))?;
    Some(format!("--{long}: {}.", arg.get_help()?))
}

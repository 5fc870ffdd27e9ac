use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    // The language is known before parsing, so --help and usage errors use it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    reflect::i18n::set_lang(reflect::config::early_language(&args));
    // Parsing needs none of the help text: the full, translated command (with each
    // command's examples) is made only when clap has help or a usage error to show
    // (the version needs none of it), which saves its cost on every other run.
    let matches = match reflect::cli::Cli::command().try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(err) if err.kind() == clap::error::ErrorKind::DisplayVersion => err.exit(),
        Err(_) => reflect::i18n::help::localize(reflect::cli::command()).get_matches_from(args),
    };
    let cli = match reflect::cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    match reflect::commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if reflect::terminal::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            reflect::terminal::report_error(&err);
            ExitCode::from(reflect::error::exit_code(&err))
        }
    }
}

use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    // The language is known before parsing, so --help and usage errors use it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    reflect::i18n::set_lang(reflect::config::early_language(&args));
    let command = reflect::i18n::help::localize(reflect::cli::command());
    let matches = command.get_matches_from(args);
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

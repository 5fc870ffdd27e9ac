use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = reflect::cli::Cli::parse();
    match reflect::commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if reflect::terminal::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            reflect::terminal::report_error(&err);
            ExitCode::from(reflect::error::exit_code(&err))
        }
    }
}

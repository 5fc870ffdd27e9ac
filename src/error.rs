//! The exit status of a failed run. A [`UsageError`] (a value on the command line that
//! `reflect` cannot use) exits with `exit_codes::USAGE`; every other error with
//! `exit_codes::FAILURE`. Commands stay on `anyhow`: they wrap a usage error with [`usage`].

use crate::exit_codes::{FAILURE, USAGE};

/// A flag or argument whose value cannot be used: an unknown level, theme, prompt or
/// pack id, an unreadable date, a bad tag. Its message is the whole error line.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A [`UsageError`] as an `anyhow::Error`, for `map_err` and `ok_or_else`.
pub fn usage(message: impl std::fmt::Display) -> anyhow::Error {
    anyhow::Error::new(UsageError(message.to_string()))
}

/// The exit status for `err`: usage when a [`UsageError`] is anywhere in its chain
/// (context added on the way up does not hide it), else failure.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    if err.chain().any(|cause| cause.is::<UsageError>()) {
        USAGE
    } else {
        FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_errors_keep_their_status_under_context() {
        assert_eq!(exit_code(&usage("--level: unknown level 'x'")), USAGE);
        assert_eq!(exit_code(&usage("bad").context("while writing")), USAGE);
        assert_eq!(exit_code(&anyhow::anyhow!("disk full")), FAILURE);
    }
}

# Errors shared by several commands. Each is one line after "reflect: ".

error-flag = { $flag }: { $message }
error-since-after-until = --since { $since } is after --until { $until }
error-unknown-level = unknown level '{ $input }' (expected school, network or system, 1 to 3, or a level name of a loaded pack)
error-journal-locked = { $lock } is locked by another process; gave up waiting after { $seconds } s (if no other reflect is running, a stopped one may hold it: end it, or raise lock_timeout in config.toml or REFLECT_LOCK_TIMEOUT)
error-lock-timeout-env = REFLECT_LOCK_TIMEOUT must be a number of seconds from 0 to 86400, not '{ $value }'
error-lock-timeout-file = lock_timeout in the config file must be a number of seconds from 0 to 86400
journal-waiting-for-lock = waiting for { $lock }: another reflect is writing the journal (or a stopped one holds the lock)…

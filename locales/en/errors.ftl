# Errors shared by several commands. Each is one line after "reflect: ".

error-flag = { $flag }: { $message }
error-since-after-until = --since { $since } is after --until { $until }
error-unknown-level = unknown level '{ $input }' (expected school, network or system, 1 to 3, or a level name of a loaded pack)

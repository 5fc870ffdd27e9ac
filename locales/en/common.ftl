# Words shared by several commands.

entries-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
warning = warning: { $message }

# Where a setting came from (shown by `reflect config`).
source-flag = command line
source-env = environment ({ $name })
source-config-file = config file
source-system = system locale
source-default = default

language-en = English
language-es = Spanish

# reflect config

config-journal = journal:      { $path }  ({ $source })
config-file = config file:  { $path }  ({ $source })
config-file-missing = config file:  { $path }  ({ $source }, not created yet)
config-packs = packs folder: { $path }  ({ $source })
config-drafts = drafts:       { $path }
config-editor = editor:       { $editor }
config-no-editor = editor:       (none: $VISUAL and $EDITOR are unset)
config-language = language:     { $lang } ({ $name })  ({ $source })
config-language-unknown = language:     { $lang } ({ $name })  ({ $source }: "{ $asked }" is not a language reflect speaks)
config-file-unusable = { $error } (the paths above leave out its settings)
config-bad-now = REFLECT_NOW must be an RFC 3339 moment such as 2026-11-23T09:00:00+01:00, not "{ $value }"
config-now-year = REFLECT_NOW: { $error }

# Errors reading the settings.
config-no-config-folder = cannot find the user's config folder (is HOME set?)
config-no-data-folder = cannot find the user's data folder (is HOME set?)
config-cannot-read = cannot read the config file { $path }
config-ask-unknown = { $at }: `ask` lists '{ $key }', which is not a question (use level, from, depth)

# Loading and checking prompt packs: warnings and the problems `packs validate` lists.

pack-unreadable = cannot read the pack { $file }: { $error }
pack-not-valid = { $file }: the pack is not valid
pack-more-problems = { $first } (and { $more } more problems in this pack)
pack-builtin-damaged = the built-in pack { $name } is damaged, skipped it: { $problem }
pack-folder-unreadable = cannot read the packs folder { $path }: { $error }
pack-skipped = { $error }; skipped this pack
pack-id-taken = { $path }: the pack id '{ $id }' is also used by { $first }; using that one

# The problems `packs validate` lists, each after FILE:LINE:COLUMN.
pack-not-utf8 = the file is not valid UTF-8 text (save it as UTF-8)
pack-too-large = the file is too large: a pack may be at most { $mib } MiB ({ $bytes } bytes)
pack-unsupported-format = unsupported pack format { $format }: this version of reflect reads format { $reads } (a newer reflect may read it)
pack-format-not-number = `format` must be the number { $reads }
pack-char-control = a control character
pack-char-bidi = a bidirectional-text override
pack-file-forbidden-char = the file contains { $why } ({ $name }); pack text may not contain control characters, escape sequences or bidi overrides
pack-forbidden-char = `{ $key }` contains { $why } ({ $name }); pack text may not contain control characters, escape sequences or bidi overrides
pack-unknown-key = unknown key{ $rest }
pack-duplicate-key = duplicate key `{ $key }`
pack-missing-key = { $table } is missing the required key `{ $key }`
pack-empty-key = `{ $key }` is empty
pack-one-line = `{ $key }` must be on one line
pack-bad-id = { $id } is not a valid id: use 1 to 64 characters a-z, 0-9, '-' or '_', starting with a letter or digit
pack-kind-theme = theme
pack-kind-prompt = prompt
pack-kind-level = level
pack-kind-depth = depth
pack-duplicate-id = duplicate { $kind } id { $id } (first defined on line { $line })
pack-missing-format = missing `format = { $version }` (the pack format version) at the top of the file
pack-missing-pack-table = missing the [pack] table (id, name, version, language)
pack-bad-language = { $tag } is not a language tag: use a BCP 47 tag such as en, es or es-CL
pack-no-themes = the pack has no themes: add at least one [[themes]] table
pack-no-prompts = the pack has no prompts: add at least one [[prompts]] table
pack-unknown-theme = no theme has the id { $id } (themes of this pack: { $themes })
pack-level-ignored = { $count ->
    [one] a prompt has
   *[other] { $count } prompts have
} a suggested `level` (the first is here); it is ignored: the leader says the level of every entry
pack-order-levels = bottom rung first: they map onto school, network, system
pack-order-depths = shallowest first: they map onto informing, coordinating, sharing, co-constructing
pack-rung-count = a pack with { $table } must have exactly { $want } of them ({ $order }), not { $count }
pack-what-id = id
pack-what-name = name
pack-what-alias = alias
pack-reserved-word = a reserved word
pack-standard-name = the standard name of rung { $rung }
pack-rung-used = already used for rung { $rung } (line { $line })
pack-ambiguous-word = { $kind } { $what } { $word } would be ambiguous with --{ $flag }: it is { $whose }
pack-kind-stage = stage
pack-quoted = '{ $text }'

# [[stages]] of a pack.
pack-stage-count = a pack with { $table } must have at least two of them, earliest first, not { $count }
pack-stage-aliases = { $table } takes no `aliases`: a stage is chosen by its number, id or name
pack-stage-duplicate-name = duplicate stage name { $name } (first used on line { $line })

# reflect packs

packs-removed = removed the pack '{ $id }'
packs-removed-builtin-back = removed the pack '{ $id }'; the built-in pack with that id is used again
packs-remove-builtin = '{ $id }' is a built-in pack: it comes with reflect and cannot be removed (to stop using it, name another pack with --pack or default_pack in the config file)
packs-remove-unknown = no installed pack has the id '{ $id }' (see `reflect packs list`)
packs-remove-default = the config file still names '{ $id }' as default_pack ({ $file }); change it

# packs list, show, validate, new, install; finding packs, themes and prompts.
packs-col-pack = Pack
packs-col-name = Name
packs-col-language = Language
packs-col-version = Version
packs-col-prompts = Prompts
packs-col-from = From
packs-default = (default)
packs-origin-builtin = built in ({ $name })
packs-field-id = id
packs-field-version = version
packs-field-language = language
packs-field-author = author
packs-field-from = from
packs-field-source = source
packs-levels = Levels, bottom rung first (type the id with --level):
packs-also = also: { $aliases }
packs-themes-count = { $count ->
    [one] 1 theme
   *[other] { $count } themes
}
packs-prompts-count = { $count ->
    [one] 1 prompt
   *[other] { $count } prompts
}
packs-problems-count = { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
packs-contents = { $themes }, { $prompts }:
packs-theme = Theme { $id }: { $title }
packs-prompt = Prompt { $id }
packs-validate-ok = { $path }: ok ({ $themes }, { $prompts })
packs-note = { $where }: note: { $message }
packs-new-bad-id = --id '{ $id }' is not a valid pack id: use 1 to 64 characters a-z, 0-9, '-' or '_', starting with a letter or digit
packs-new-bad-language = --language '{ $language }' is not a language tag: use a BCP 47 tag such as en, es or es-CL
packs-new-exists = { $path } already exists; choose another --output or move it away first
packs-new-wrote = wrote { $path }: edit it, check it with `reflect packs validate { $path }`, try it with `reflect --pack { $path } prompt`, then install it with `reflect packs install { $path }` or hand it out
packs-not-installed = { $label } was not installed: it has { $problems } (listed above)
packs-not-loaded = the pack { $file } has { $problems } (listed above); it was not loaded
packs-cannot-read-folder = cannot read the packs folder { $path }
packs-cannot-create-folder = cannot create the packs folder { $path }
packs-cannot-install = cannot install the pack as { $path }
packs-already-installed = a pack with the id '{ $id }' is already installed: { $path }; use --force to replace it
packs-target-exists = { $path } already exists (it does not hold a valid pack '{ $id }'); use --force to replace it
packs-target-holds = { $path } holds the pack '{ $other }'; move it away to install '{ $id }'
packs-installed = installed the pack '{ $id }' (version { $version }); see it with `reflect packs show { $id }`
packs-installed-over-builtin = installed the pack '{ $id }' (version { $version }), which takes precedence over the built-in pack with that id; see it with `reflect packs show { $id }`
packs-unknown-id = no loaded pack has the id '{ $id }'
packs-unknown-id-loaded = no loaded pack has the id '{ $id }' (loaded: { $loaded })
packs-none-loaded = no prompt pack is loaded (see `reflect packs list`)
packs-no-prompt = pack '{ $pack }' has no prompt '{ $prompt }'
packs-no-theme = pack '{ $pack }' has no theme '{ $theme }'
packs-unknown-prompt = no loaded pack has a prompt '{ $name }' (see `reflect packs show`)
packs-unknown-theme = no loaded pack has a theme '{ $name }' (see `reflect packs show`)
packs-ambiguous-prompt = the prompt id '{ $name }' is in several packs; name one of: { $choices }
packs-default-not-loaded = the config file's default_pack '{ $id }' is not a loaded pack; using '{ $using }'
packs-none = none

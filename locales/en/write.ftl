# write, edit, prompt and drafts: what a person reads while writing.

write-theme = Theme: { $theme }
write-question = Question: { $question }
write-offer-menu = [Enter] answer it · [s] another prompt · [f] free entry · [q] quit:{" "}
write-template-instructions = These { $comment } lines are instructions and are removed. Save and close to keep the entry; leave it empty to cancel.
write-empty = Nothing written: the entry is empty.
write-type-entry = Write your entry. End with Ctrl-D on an empty line (Ctrl-C cancels).
write-no-editor = no editor to open: set $VISUAL or $EDITOR, or give the text with -m or on stdin
write-text-kept = your text is kept at { $path }
write-theme-no-prompts = theme '{ $theme }' has no prompts

edit-no-editor = no editor: set $VISUAL or $EDITOR, or give the new text with -m
edit-template-title = Editing entry { $id } ({ $date })
edit-template-instructions = These { $comment } lines are instructions and are removed. Empty the file to cancel the edit.
edit-cancelled = Edit cancelled: the new text is empty (use `reflect delete` to remove an entry).
edit-no-change = No change to entry { $id }.
edit-not-saved-kept = the edit was NOT saved; your text is kept at { $path }
edit-not-saved = the edit was NOT saved
edit-revised = Revised entry { $id } ({ $date }). The earlier version stays in the file until `reflect compact`.

prompt-no-prompts = the pack '{ $pack }' has no prompts
prompt-no-prompts-in-theme = the pack '{ $pack }' has no prompts in the theme '{ $theme }'

draft-cannot-read-folder = cannot read the folder { $path }
draft-cannot-write = cannot write the draft { $path }
draft-cannot-create = cannot create the draft { $path }
draft-cannot-read = cannot read the draft { $path }
draft-not-utf8 = the draft { $path } is not UTF-8 text; it is kept there
draft-editor-cannot-start = cannot start the editor '{ $editor }'; your draft is kept at { $path }
draft-editor-failed = the editor '{ $editor }' failed ({ $status }); your draft is kept at { $path }

# Tags and entry ids typed by the person.
tag-empty = a tag cannot be empty
tag-bad-char = a tag cannot contain { $char }: '{ $tag }'

# write, edit, prompt y borradores: lo que una persona lee mientras escribe.

write-theme = Tema: { $theme }
write-question = Pregunta: { $question }
write-offer-menu = [Enter] responderla · [s] otra pregunta · [f] entrada libre · [q] salir:{" "}
write-template-instructions = Las líneas que empiezan con { $comment } son instrucciones y se quitan. Guarda y cierra para conservar la entrada; déjala vacía para cancelar.
write-empty = No se escribió nada: la entrada está vacía.
write-type-entry = Escribe tu entrada. Termina con Ctrl-D en una línea vacía (Ctrl-C cancela).
write-no-editor = no hay editor que abrir: define $VISUAL o $EDITOR, o entrega el texto con -m o por la entrada estándar
write-text-kept = tu texto quedó guardado en { $path }
write-theme-no-prompts = el tema "{ $theme }" no tiene preguntas

edit-no-editor = no hay editor: define $VISUAL o $EDITOR, o entrega el texto nuevo con -m
edit-template-title = Editando la entrada { $id } ({ $date })
edit-template-instructions = Las líneas que empiezan con { $comment } son instrucciones y se quitan. Vacía el archivo para cancelar la edición.
edit-cancelled = Edición cancelada: el texto nuevo está vacío (usa `reflect delete` para borrar una entrada).
edit-no-change = La entrada { $id } no cambió.
edit-not-saved-kept = la edición NO se guardó; tu texto quedó guardado en { $path }
edit-not-saved = la edición NO se guardó
edit-revised = Entrada { $id } ({ $date }) revisada. La versión anterior queda en el archivo hasta `reflect compact`.

prompt-no-prompts = el pack "{ $pack }" no tiene preguntas
prompt-no-prompts-in-theme = el pack "{ $pack }" no tiene preguntas en el tema "{ $theme }"

draft-cannot-read-folder = no se puede leer la carpeta { $path }
draft-cannot-write = no se puede escribir el borrador { $path }
draft-cannot-create = no se puede crear el borrador { $path }
draft-cannot-read = no se puede leer el borrador { $path }
draft-not-utf8 = el borrador { $path } no es texto UTF-8; queda ahí
draft-editor-cannot-start = no se puede abrir el editor "{ $editor }"; tu borrador quedó guardado en { $path }
draft-editor-failed = el editor "{ $editor }" falló ({ $status }); tu borrador quedó guardado en { $path }

# Etiquetas e ids de entrada que escribe la persona.
tag-empty = una etiqueta no puede estar vacía
tag-bad-char = una etiqueta no puede contener { $char }: "{ $tag }"

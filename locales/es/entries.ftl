# show, delete, compact, list: una entrada o muchas.

show-theme = Tema:      { $theme }
show-prompt = Pregunta:  { $question }
show-prompt-unknown = Pregunta:  { $pack }/{ $prompt } (pack no cargado)
show-tags = Etiquetas: { $tags }
show-written = Escrita:   { $moment }
show-revised = { " " }(revisada { $moment })

delete-done = Entrada { $id } ({ $date }) borrada. Su texto queda en el archivo del diario hasta `reflect compact`.

compact-done = { $path }: { $records } registro(s) compactados en { $entries ->
    [one] { $entries } entrada
   *[other] { $entries } entradas
}.

list-header-id = id
list-header-date = fecha
list-header-level = ámbito
list-header-theme = tema
list-header-entry = entrada
list-free = (libre)
list-none-yet = Aún no hay entradas. Escribe una con `reflect write`.
list-none-match = Ninguna entrada coincide.

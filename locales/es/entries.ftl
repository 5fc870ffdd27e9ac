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

# Un valor guardado que no se puede leer (una línea dañada del diario).
stored-unknown-id = { $what }: valor desconocido "{ $id }"
stored-what-level = ámbito
stored-what-depth = profundidad
stored-what-origin = origen
stored-bad-entry-id = "{ $id }" no es un id de entrada (de 1 a 64 letras, dígitos, '-' o '_')
stored-bad-value = "{ $value }" no es { $expected }
stored-expected-day = una fecha AAAA-MM-DD
stored-expected-moment = un momento RFC 3339

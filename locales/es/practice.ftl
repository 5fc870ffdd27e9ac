# Calificar una entrada: su ámbito, la transferencia (desde) y la profundidad (issue 14).

rating-idea = todavía no es práctica: un plan o una idea
rating-programme = el programa (formación)
rating-unrated = sin ámbito

ask-level = ¿En qué ámbito ocurrió esta práctica?
ask-from = ¿Trajo aprendizajes de otro lugar?
ask-depth = ¿Qué tan profundo fue el trabajo conjunto?
ask-hint = Número, id o nombre; Enter la salta
ask-level-hint = Número, id o nombre; Enter la deja sin ámbito
ask-not-a-choice = "{ $answer }" no es una de las opciones; inténtalo de nuevo (Enter la salta).

rating-unknown-level = ámbito desconocido "{ $value }": usa uno de { $choices }
rating-unknown-from = origen desconocido "{ $value }": usa uno de { $choices }
rating-unknown-depth = profundidad desconocida "{ $value }": usa una de { $choices }
rating-from-is-level = --from { $level }: la entrada ya está en ese ámbito; una transferencia viene de otro ámbito o del programa
rating-from-needs-level = --from necesita el ámbito de la entrada (school, network o system): agrega --level
rating-keep-from-hint = (la transferencia de la entrada se mantiene si no la cambias: agrega --from none u otro --from)

write-saved = Entrada { $id } guardada ({ $label }, { $date }).
write-saved-unrated = Entrada { $id } guardada ({ $date }), sin ámbito: califícala con `reflect rate` o `reflect edit { $id } --level ÁMBITO`.
write-not-rated-yet = { $count ->
    [one] 1 entrada no tiene ámbito todavía (`reflect rate`).
   *[other] { $count } entradas no tienen ámbito todavía (`reflect rate`).
}

rate-needs-terminal = { $count ->
    [one] 1 entrada no tiene
   *[other] { $count } entradas no tienen
} ámbito todavía (ids arriba, la más reciente primero). `reflect rate` pregunta por ellas en una terminal; sin terminal, usa `reflect edit ID --level ÁMBITO`.
rate-all-rated = Todas las entradas tienen ámbito.
rate-entry = Entrada { $position } de { $total } sin ámbito (q termina):
rate-done = Calificadas: { $rated }; sin ámbito todavía: { $left }.

# La plantilla del editor. Las claves son lo que la persona completa: "ámbito: 2".
template-key-level = ámbito
template-key-from = desde
template-key-depth = profundidad
template-fields = Opcional, debajo del texto: completa estas líneas, o déjalas vacías para que se pregunten al guardar (o califica después con `reflect rate`).
template-unknown = En la plantilla, { $key }: "{ $value }" no es una de las opciones; se pregunta a continuación.

# `reflect show` y `reflect packs show`.
show-from = Desde:     { $label }
show-depth = Profundidad: { $label }
packs-depths = Profundidad del trabajo conjunto, de menos a más (escribe el id con --depth):

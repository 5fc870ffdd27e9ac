# El uso diario (issue 16): `reflect` solo, menús, etiquetas, ritmo, historial, borradores.

# `reflect` solo: el menú en una terminal, el estado en otro caso.
home-menu = [w] escribir · [l] listar · [p] progreso · [q] salir:{" "}
home-status-entries = entradas: { $count }
home-status-last = última entrada: { $day }
home-status-prompt = pregunta de hoy: { $question }
home-none = ninguna

# Cualquier menú.
menu-enter = Enter
menu-or = { $rest } o { $last }
menu-not-a-choice = "{ $answer }" no es una de las opciones; escribe { $choices }.

# write
write-nothing-written = No se escribió nada.

# tags
tags-none = Ninguna entrada tiene etiquetas aún (agrega una con `reflect edit ID --add-tag ETIQUETA`).
tags-col-tag = etiqueta
tags-col-entries = entradas
tags-col-newest = más reciente

# stats
stats-weeks-heading = Entradas por semana, últimas { $weeks } semanas (inicio de semana):
stats-streaks = Semanas seguidas con alguna entrada: { $current } ahora, { $longest } como máximo.
stats-no-quiet-themes = Ningún tema lleva { $weeks } semanas sin entradas.
stats-quiet-heading = Temas sin entradas desde hace { $weeks } semanas o más:
stats-quiet-theme = { $theme } (última entrada { $last })
stats-calendar-heading = Calendario, del { $from } al { $to }:
stats-weekday-mon = lun
stats-weekday-wed = mié
stats-weekday-fri = vie
stats-weekday-sun = dom

# history and restore
history-heading = Entrada { $id }
history-written = Revisión { $number } · escrita { $moment }
history-edited = Revisión { $number } · editada { $moment }
history-deleted = Revisión { $number } · borrada { $moment }
history-same-text = (mismo texto)
restore-no-such-revision = --revision: no hay revisión { $number } (la entrada tiene { $count }; mira `reflect history`)
restore-name-a-revision = la entrada { $id } no está borrada; indica con --revision N el texto anterior que quieres recuperar (mira `reflect history { $id }`)
restore-a-deletion = --revision: la revisión { $number } es el borrado, que no tiene texto; indica una anterior
restore-no-change = La entrada { $id } ya dice lo de la revisión { $number }; no hay nada que recuperar.
restore-done = Se recuperó la entrada { $id } tal como estaba en la revisión { $number } (agregada como una revisión nueva).

# compact
compact-ask = { $count ->
    [one] Compactar descarta 1 revisión anterior o entrada borrada que `reflect restore` aún podría recuperar. ¿Seguir? [y/N]:{" "}
   *[other] Compactar descarta { $count } revisiones anteriores y entradas borradas que `reflect restore` aún podría recuperar. ¿Seguir? [y/N]:{" "}
}
compact-kept = No se compactó nada; se conservan todas las revisiones.
compact-dropping = { $count ->
    [one] Se descarta 1 revisión anterior o entrada borrada (`reflect restore` ya no podrá recuperarla).
   *[other] Se descartan { $count } revisiones anteriores y entradas borradas (`reflect restore` ya no podrá recuperarlas).
}

# drafts
drafts-none = No hay borradores: cada entrada que empezaste está en el diario.
drafts-offer = Un borrador del { $when } no llegó a ser una entrada: "{ $first }"
drafts-menu = [r] retomarlo · [d] descartarlo · [k] guardarlo para después:{" "}
drafts-discarded = Borrador descartado.
drafts-kept = Borrador guardado en { $path } (mira `reflect drafts`).
drafts-empty = El borrador quedó vacío; se eliminó y no se escribió nada.

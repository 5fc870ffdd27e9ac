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
menu-not-a-choice = '{ $answer }' no es una de las opciones; escribe { $choices }.

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

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

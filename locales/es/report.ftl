# reflect report y reflect cohort --format markdown|html (issue 17): los informes.
report-no-data = Aún no hay datos para este período.
report-not-shown = no se muestra
report-generated = Generado el { $date }
report-leader-title = Práctica reflexiva
report-leader-span = Entradas del { $first } al { $last }
report-leader-entries = { $count ->
    [one] 1 entrada
   *[other] { $count } entradas
}: { $rated } con ámbito, { $idea } planes o ideas, { $unrated } aún sin ámbito
report-packs = Paquetes: { $packs }
report-cohort-title = Informe de la cohorte
report-cohort-span = { $count ->
    [one] 1 participante
   *[other] { $count } participantes
}, entradas del { $first } al { $last }
report-cohort-empty = { $count ->
    [one] 1 participante
   *[other] { $count } participantes
}, aún sin entradas
report-cohort-counts-only = Solo conteos: este informe no contiene texto de entradas, etiquetas ni notas.
report-where = Dónde estuvo la práctica
report-not-a-grade = Estas cifras cuentan lo escrito; no lo califican. Llevar lo aprendido de vuelta al propio establecimiento es un logro, no un retroceso.
report-levels-chart = Entradas por ámbito, tema por tema
report-reached-caption = Participantes que alcanzaron cada ámbito (al menos una entrada en ese ámbito o superior)
report-measures = Medidas
report-groups = Medidas por grupo
report-over-time = En el tiempo
report-month = Mes
report-months-chart = Alcance de red y aprendizaje llevado al establecimiento, por mes
report-line-reach = Entradas con ámbito { $network } o superior
report-line-brought-in = Entradas del establecimiento que traen aprendizaje
report-together = Cómo se trabajó en conjunto
report-grid-chart = Ámbito × profundidad del trabajo conjunto
report-grid-corner = Ámbito \ profundidad
report-entries = Entradas
report-entries-note = Las palabras de las entradas, tal como se escribieron (incluidas porque el informe se hizo con --with-text).
report-checkins = Estado de las redes

# Lectura de fechas. { $input } es lo que la persona escribió, citado tal cual.

date-unreadable = no se entiende la fecha "{ $input }" (prueba 2026-11-20, 20/11/2026 (día primero), hoy, ayer, "hace 3 días", "el lunes pasado", "23 de julio de 2013" o "junio")
date-not-a-day = no se entiende la fecha "{ $input }": ese día no existe en el calendario
date-year-out-of-range = "{ $input }": el año { $year } está fuera de { $min }–{ $max }
date-out-of-range = "{ $input }" queda fuera de los años { $min }–{ $max }
date-needs-day = "{ $input }" es un mes o un año, no un día (indica un día, como "23 de julio de 2013"; para un período completo usa --on)
date-future = "{ $input }" es posterior a hoy ({ $today }); agrega --allow-future para escribir sobre un día que aún no llega

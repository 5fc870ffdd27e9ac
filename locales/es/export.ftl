# La exportación a Markdown: título, resumen, filtros, encabezados y etiquetas.

md-title = Diario reflexivo
md-exported = Exportado el { $date }, agrupado por { $grouping }.
md-group-day = día
md-group-theme = tema
md-group-level = ámbito
md-one-entry = 1 entrada, el { $day }.
md-entries-on = { $count } entradas, el { $day }.
md-entries-span = { $count } entradas, del { $first } al { $last }.
md-none = Ninguna entrada coincide.
md-filters = Filtros:
md-filter-since = desde
md-filter-until = hasta
md-filter-theme = tema
md-filter-prompt = pregunta
md-filter-level = ámbito
md-filter-tag = etiqueta
md-filter-pack = pack
md-filter-contains = el texto contiene
md-or = o
md-and = y
md-free-entries = Entradas libres
md-free-entry = Entrada libre
md-prompt = Pregunta:
md-not-loaded = (no está en los packs cargados)
md-tags = Etiquetas:

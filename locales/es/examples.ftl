# Los comentarios de los ejemplos al final de cada --help y página de manual
# (src/examples.rs): example-<orden>-<n>, una línea cada uno.

examples-heading = Ejemplos:

example-reflect-1 = La pregunta de hoy y un menú breve (una línea de estado en un script)
example-reflect-2 = Anotar una idea en una línea
example-reflect-3 = Las cinco entradas más recientes

example-write-1 = Anotar una idea en una línea
example-write-2 = Responder una pregunta del pack predeterminado, sobre tu red
example-write-3 = Escribir sobre ayer en un tema, en tu editor

example-prompt-1 = La pregunta sugerida de hoy
example-prompt-2 = Una pregunta de un tema, en una línea
example-prompt-3 = Una pregunta del pack en español

example-list-1 = Las entradas de los diez días más recientes de los que se escribió
example-list-2 = Entradas de red y de sistema de las últimas tres semanas
example-list-3 = Todas las entradas en el orden en que se escribieron, como líneas JSON

example-show-1 = Una entrada, por el id que muestra `reflect list`
example-show-2 = Basta con cualquier comienzo único del id

example-tags-1 = Cada etiqueta con su número, último uso y ámbitos
example-tags-2 = Solo las etiquetas de las entradas de un pack

example-stats-1 = Tu ritmo: semanas, rachas, temas en silencio y un mapa de calor
example-stats-2 = Las mismas cifras para un script
example-stats-3 = ASCII simple, para una impresora o un terminal sencillo

example-rate-1 = Valorar las entradas que escribiste con prisa, una pregunta cada vez
example-rate-2 = Sin terminal: los ids de las cinco entradas sin valorar más recientes

example-checkin-1 = Califica tu red después de una sesión, una pregunta descrita a la vez
example-checkin-2 = Lo mismo desde un script: las preguntas omitidas quedan sin respuesta; ? es "no sé"
example-checkin-3 = Sobre la sesión de ayer, con una nota que queda en tu diario

example-edit-1 = Cambiar una entrada en tu editor
example-edit-2 = Añadir una etiqueta y quitar otra, conservando las demás
example-edit-3 = Llevar una entrada a otro ámbito y otro día

example-delete-1 = Buscar antes la entrada
example-delete-2 = Borrarla (su texto sigue en el archivo hasta `reflect compact`)

example-history-1 = Todas las revisiones de una entrada, con lo que cambió entre ellas
example-history-2 = También las entradas borradas, por cualquier comienzo único del id
example-drafts-1 = Borradores que dejó un editor: cuándo, primera línea, dónde
example-drafts-2 = En una terminal, ofrece cada uno: retomarlo, descartarlo o guardarlo para después
example-restore-1 = Recuperar una entrada borrada
example-restore-2 = Ver antes sus revisiones
example-restore-3 = Recuperar un texto anterior, como una revisión nueva

example-progress-1 = Tema por tema: dónde ocurrió tu práctica (escuela, red, sistema)
example-progress-2 = Una fila por mes este año
example-progress-3 = Un resumen para tu formador (solo cifras, nunca tus palabras)

example-share-1 = El resumen para quien te forma, después de ver lo que contiene
example-share-2 = Indicando tu red

example-report-1 = Tu informe como una página HTML, para imprimir o guardar
example-report-2 = Desde marzo, con las palabras de tus entradas, para una conversación con tu mentor

example-cohort-1 = Combinar los resúmenes de una cohorte
example-cohort-2 = Una tabla por grupo (red) y luego la cohorte completa
example-cohort-3 = Lo mismo como informe para proyectar o imprimir

example-export-1 = Las entradas de este trimestre en Markdown
example-export-2 = Un tema, agrupado por tema
example-export-3 = Una copia completa que `reflect import` vuelve a leer

example-import-1 = Pasar desde jrnl (`jrnl --export json`)
example-import-2 = Recuperar una copia; se omiten las entradas que ya están
example-import-3 = Copiar todas las entradas a otro diario

example-packs-1 = Los packs en uso
example-packs-2 = Los temas y preguntas de un pack
example-packs-3 = Empezar un pack propio

example-packs-list-1 = Id, versión, idioma, temas, preguntas, origen y nombre
example-packs-list-2 = Solo los ids y los nombres, en un script

example-packs-show-1 = El pack en uso
example-packs-show-2 = Otro pack, por id

example-packs-validate-1 = Cada problema de un pack, como ARCHIVO:LÍNEA:COLUMNA
example-packs-validate-2 = Varios packs a la vez

example-packs-new-1 = Un esqueleto comentado para un pack en español de Chile
example-packs-new-2 = Probarlo antes de instalarlo

example-packs-install-1 = Copiar un pack a tu carpeta de packs
example-packs-install-2 = Reemplazarlo por una versión más nueva

example-packs-remove-1 = Quitar un pack instalado
example-packs-remove-2 = Ver lo que queda

example-check-1 = Buscar líneas dañadas (no se cambia nada)
example-check-2 = Moverlas a un archivo aparte, conservando todas las entradas buenas

example-compact-1 = Eliminar para siempre las revisiones antiguas y las entradas borradas
example-compact-2 = Compactar otro diario

example-config-1 = Dónde están tu diario, tu configuración, tus packs y tus borradores
example-config-2 = Lo mismo para otro diario

example-completions-1 = Autocompletado para bash
example-completions-2 = Para zsh (con ~/.zfunc en tu fpath)
example-completions-3 = Para fish

example-man-1 = Leer ahora la página de manual
example-man-2 = Instalar una página por orden: después funciona `man reflect-write`

# Páginas de manual (reflect man).
man-see-also = VÉASE TAMBIÉN
man-written = se escribieron { $count } páginas de manual en { $dir }

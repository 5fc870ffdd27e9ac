# Archivos y terminal: errores al leer y escribir, y la línea de aviso.

warning-line = reflect: aviso: { $message }
file-cannot-read = no se puede leer { $path }
file-cannot-write = no se puede escribir { $path }
file-cannot-write-to = no se puede escribir en { $path }
file-cannot-create = no se puede crear { $path }
file-cannot-remove = no se puede quitar { $path }
folder-cannot-create = no se puede crear la carpeta { $path }
file-not-a-name = { $path } no es un nombre de archivo
file-cannot-create-temp = no se puede crear un archivo temporal en { $path }
file-cannot-set-permissions = no se pueden fijar los permisos de { $path }
file-cannot-flush = no se puede llevar { $path } al disco
file-cannot-replace = no se puede reemplazar { $path }
folder-cannot-sync = no se puede sincronizar la carpeta { $path }
output-refused = no se escribe en { $path }: es { $what } ({ $file }); elige otro --output
protected-journal = el diario
protected-lock = el archivo de bloqueo del diario
protected-damaged = el archivo de líneas dañadas del diario
protected-config = el archivo de configuración
protected-installed-pack = un pack instalado
protected-pack-in-use = un archivo de pack en uso
stdin-cannot-read = no se puede leer la entrada estándar
stdin-not-utf8 = la entrada estándar no es texto UTF-8
terminal-cannot-read-answer = no se puede leer la respuesta desde la terminal

damaged-line-skipped = { $path }:{ $line }: se omitió una línea dañada: { $problem } (ejecuta `reflect check`)
damaged-lines-more = { $path }: se omitieron { $more } líneas dañadas más, la última en la línea { $last } (`reflect check` las lista todas)
export-not-written = la exportación no se escribió
participant-bad-file = { $path }: no es un identificador de participante (16 dígitos hexadecimales); borra el archivo para obtener uno nuevo
share-summary-not-written = el resumen no se escribió
cohort-not-written = la vista de la cohorte no se escribió
report-not-written = el informe no se escribió

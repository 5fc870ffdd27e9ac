# Errores que usan varias órdenes. Cada uno es una línea después de "reflect: ".

error-flag = { $flag }: { $message }
error-since-after-until = --since { $since } es posterior a --until { $until }
error-unknown-level = ámbito desconocido "{ $input }" (se espera escuela, red o territorio, school, network o system, de 1 a 3, o el nombre de ámbito de un pack cargado)
error-journal-locked = { $lock } está bloqueado por otro proceso; se dejó de esperar tras { $seconds } s (si no hay otro reflect en marcha, puede tenerlo uno detenido: termínalo, o sube lock_timeout en config.toml o REFLECT_LOCK_TIMEOUT)
error-lock-timeout-env = REFLECT_LOCK_TIMEOUT debe ser un número de segundos de 0 a 86400, no "{ $value }"
error-lock-timeout-file = lock_timeout del archivo de configuración debe ser un número de segundos de 0 a 86400
journal-waiting-for-lock = esperando { $lock }: otro reflect está escribiendo en el diario (o uno detenido tiene el bloqueo)…

# Errores que usan varias órdenes. Cada uno es una línea después de "reflect: ".

error-flag = { $flag }: { $message }
error-since-after-until = --since { $since } es posterior a --until { $until }
error-unknown-level = ámbito desconocido "{ $input }" (se espera escuela, red o territorio, school, network o system, de 1 a 3, o el nombre de ámbito de un pack cargado)

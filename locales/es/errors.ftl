# Errores que usan varias órdenes. Cada uno es una línea después de "reflect: ".

error-flag = { $flag }: { $message }

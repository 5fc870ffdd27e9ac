# Errors shared by several commands. Each is one line after "reflect: ".

error-flag = { $flag }: { $message }

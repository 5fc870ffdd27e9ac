# El mensaje de la barra de progreso que muestra un trabajo largo en un terminal (src/busy.rs).

busy-compact = Compactando el diario
busy-repair = Revisando y reparando el diario
busy-import = Importando { $file }

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AboutScreen</name>
        <message>
            <source>About alshome</source>
            <translation>Acerca de alshome</translation>
        </message>
        <message>
            <source>Version {version}</source>
            <translation>Versión {version}</translation>
        </message>
        <message>
            <source>(not kept in a folder)</source>
            <translation>(no se guarda en una carpeta)</translation>
        </message>
        <message>
            <source>alshome guides you through the exercise program your therapist wrote.</source>
            <translation>alshome te guía en el programa de ejercicios que escribió tu terapeuta.</translation>
        </message>
        <message>
            <source>It is not a medical device and gives no medical advice. It never changes your program by itself.</source>
            <translation>No es un producto sanitario y no da consejos médicos. Nunca cambia tu programa por sí solo.</translation>
        </message>
        <message>
            <source>Free software under the GNU GPL, version 3 or later. Its texts, pictures and sounds were made for alshome and are shared the same way.</source>
            <translation>Software libre bajo la GNU GPL, versión 3 o posterior. Sus textos, imágenes y sonidos se hicieron para alshome y se comparten de la misma forma.</translation>
        </message>
        <message>
            <source>Your history stays on this computer, in:
{folder}</source>
            <translation>Tu historial se queda en este ordenador, en:
{folder}</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>Goes back to the settings.</source>
            <translation>Vuelve a los ajustes.</translation>
        </message>
    </context>
    <context>
        <name>AlsfrsScreen</name>
        <message>
            <source>Rate how you are doing</source>
            <translation>Valora cómo estás</translation>
        </message>
        <message>
            <source>Choose an answer, then Next. On a question, the keys 0 to 4 answer it.</source>
            <translation>Elige una respuesta y luego Siguiente. En una pregunta, las teclas 0 a 4 la responden.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
        <message>
            <source>On the last page, Save keeps your answers.</source>
            <translation>En la última página, Guardar conserva tus respuestas.</translation>
        </message>
        <message>
            <source>Twelve short questions, each answered from 4 (as before) to 0. Think of the last two weeks. It helps your therapist follow how you are doing.</source>
            <translation>Doce preguntas cortas, cada una de 4 (como antes) a 0. Piensa en las dos últimas semanas. Ayuda a tu terapeuta a seguir cómo estás.</translation>
        </message>
        <message>
            <source>Who is answering?</source>
            <translation>¿Quién responde?</translation>
        </message>
        <message>
            <source>Me, the patient</source>
            <translation>Yo, paciente</translation>
        </message>
        <message>
            <source>A caregiver</source>
            <translation>Un cuidador</translation>
        </message>
        <message>
            <source>A clinician</source>
            <translation>Un profesional clínico</translation>
        </message>
        <message>
            <source>When did symptoms begin?</source>
            <translation>¿Cuándo empezaron los síntomas?</translation>
        </message>
        <message>
            <source>If you know the month, it helps your therapist. You can leave it out.</source>
            <translation>Si sabes el mes, ayuda a tu terapeuta. Puedes dejarlo en blanco.</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Mes</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Año</translation>
        </message>
        <message>
            <source>Leave it out</source>
            <translation>Dejarlo en blanco</translation>
        </message>
        <message>
            <source>How is it now? 4 is as before; lower is harder.</source>
            <translation>¿Cómo está ahora? 4 es como antes; menos es más difícil.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <source>Question {n} of {total}</source>
            <translation>Pregunta {n} de {total}</translation>
        </message>
        <message>
            <source>Press a key from 0 to 4, or choose a button.</source>
            <translation>Pulsa una tecla del 0 al 4 o elige un botón.</translation>
        </message>
        <message>
            <source>Chosen: {value}, {words}.</source>
            <translation>Elegido: {value}, {words}.</translation>
        </message>
        <message>
            <source>Your total: {total} of {most}</source>
            <translation>Tu total: {total} de {most}</translation>
        </message>
        <message>
            <source>Speech, saliva and swallowing</source>
            <translation>Habla, saliva y tragar</translation>
        </message>
        <message>
            <source>Writing, eating and dressing</source>
            <translation>Escribir, comer y vestirse</translation>
        </message>
        <message>
            <source>Turning, walking and stairs</source>
            <translation>Girarse, caminar y escaleras</translation>
        </message>
        <message>
            <source>Breathing</source>
            <translation>Respiración</translation>
        </message>
        <message>
            <source>{name}: {score} of 12</source>
            <translation>{name}: {score} de 12</translation>
        </message>
        <message>
            <source>After your next rating, this page will show how your total changes.</source>
            <translation>Después de tu próxima valoración, esta página mostrará cómo cambia tu total.</translation>
        </message>
        <message>
            <source>Across your ratings, your total has stayed about the same.</source>
            <translation>En tus valoraciones, tu total se ha mantenido más o menos igual.</translation>
        </message>
        <message>
            <source>Across your ratings, your total has gone down by about {n} points a month.</source>
            <translation>En tus valoraciones, tu total ha bajado unos {n} puntos al mes.</translation>
        </message>
        <message>
            <source>Across your ratings, your total has gone up by about {n} points a month.</source>
            <translation>En tus valoraciones, tu total ha subido unos {n} puntos al mes.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>The computer did not let alshome change its start-up programs.</source>
            <translation>El ordenador no dejó que alshome cambiara sus programas de inicio.</translation>
        </message>
    </context>
    <context>
        <name>Backups</name>
        <message>
            <source>made by alshome</source>
            <translation>hecha por alshome</translation>
        </message>
        <message>
            <source>before an update</source>
            <translation>antes de una actualización</translation>
        </message>
        <message>
            <source>before an import</source>
            <translation>antes de una importación</translation>
        </message>
        <message>
            <source>before a backup was put back</source>
            <translation>antes de recuperar una copia</translation>
        </message>
        <message>
            <source>made by hand</source>
            <translation>hecha a mano</translation>
        </message>
    </context>
    <context>
        <name>BackupsScreen</name>
        <message>
            <source>Backups</source>
            <translation>Copias de seguridad</translation>
        </message>
        <message>
            <source>There is no backup yet. alshome makes one after changes.</source>
            <translation>Todavía no hay ninguna copia. alshome hace una después de los cambios.</translation>
        </message>
        <message>
            <source>Make a backup now</source>
            <translation>Hacer una copia ahora</translation>
        </message>
        <message>
            <source>Put this one back</source>
            <translation>Recuperar esta copia</translation>
        </message>
        <message>
            <source>Asks first. Today's history is kept as a backup.</source>
            <translation>Pregunta antes. El historial de hoy se guarda como copia.</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>Backups of your history</source>
            <translation>Copias de seguridad de tu historial</translation>
        </message>
        <message>
            <source>Yes, put it back</source>
            <translation>Sí, recuperarla</translation>
        </message>
        <message>
            <source>No, keep today's</source>
            <translation>No, mantener el de hoy</translation>
        </message>
        <message>
            <source>Put a backup back?</source>
            <translation>¿Recuperar una copia?</translation>
        </message>
        <message>
            <source>A backup was made.</source>
            <translation>Se ha hecho una copia.</translation>
        </message>
        <message>
            <source>Put back the history saved on {when}? The sessions saved since then will be in a backup of today's history, not in the history you see.</source>
            <translation>¿Recuperar el historial guardado el {when}? Las sesiones guardadas desde entonces estarán en una copia del historial de hoy, no en el historial que ves.</translation>
        </message>
        <message>
            <source>The history from {when} is back.</source>
            <translation>Se ha recuperado el historial del {when}.</translation>
        </message>
    </context>
    <context>
        <name>CarryOverScreen</name>
        <message>
            <source>Before you start</source>
            <translation>Antes de empezar</translation>
        </message>
        <message>
            <source>Are you still tired or sore from last time?</source>
            <translation>¿Sigues con cansancio o molestias?</translation>
        </message>
        <message>
            <source>Choose an answer: use the arrow keys, then Enter.</source>
            <translation>Elige una respuesta: usa las flechas y luego Intro.</translation>
        </message>
        <message>
            <source>No, I feel fine</source>
            <translation>No, estoy bien</translation>
        </message>
        <message>
            <source>Yes, still tired</source>
            <translation>Sí, con cansancio</translation>
        </message>
        <message>
            <source>Yes, sore</source>
            <translation>Sí, con molestias</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>Speech and swallowing</source>
            <translation>Habla y tragar</translation>
        </message>
        <message>
            <source>Hands</source>
            <translation>Manos</translation>
        </message>
        <message>
            <source>Walking and turning</source>
            <translation>Caminar y girarse</translation>
        </message>
        <message>
            <source>Breathing</source>
            <translation>Respiración</translation>
        </message>
        <message>
            <source>Left and Right move along the dates; the line below says the values.</source>
            <translation>Izquierda y Derecha recorren las fechas; la línea de abajo dice los valores.</translation>
        </message>
        <message>
            <source>Tiredness after each session</source>
            <translation>Cansancio después de cada sesión</translation>
        </message>
        <message>
            <source>Your fatigue after each session will show here.</source>
            <translation>Aquí se verá tu cansancio después de cada sesión.</translation>
        </message>
        <message>
            <source>Tiredness (0-10)</source>
            <translation>Cansancio (0-10)</translation>
        </message>
        <message>
            <source>Highest</source>
            <translation>Máximo</translation>
        </message>
        <message>
            <source>Average</source>
            <translation>Media</translation>
        </message>
        <message>
            <source>Stopped early</source>
            <translation>Parada antes de tiempo</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>Síntoma</translation>
        </message>
        <message>
            <source>Work done in each session</source>
            <translation>Trabajo hecho en cada sesión</translation>
        </message>
        <message>
            <source>The minutes you cycle and the lifts you do will show here.</source>
            <translation>Aquí se verán los minutos de pedaleo y las repeticiones que hagas.</translation>
        </message>
        <message>
            <source>Minutes or repetitions</source>
            <translation>Minutos o repeticiones</translation>
        </message>
        <message>
            <source>Cycling minutes</source>
            <translation>Minutos de pedaleo</translation>
        </message>
        <message>
            <source>Sessions each week</source>
            <translation>Sesiones cada semana</translation>
        </message>
        <message>
            <source>How many sessions you do each week will show here, next to your target.</source>
            <translation>Aquí se verá cuántas sesiones haces cada semana, junto a tu objetivo.</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sesiones</translation>
        </message>
        <message>
            <source>Sessions done</source>
            <translation>Sesiones hechas</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Objetivo</translation>
        </message>
        <message>
            <source>ALSFRS-R self-rating</source>
            <translation>Autovaloración ALSFRS-R</translation>
        </message>
        <message>
            <source>Your ALSFRS-R ratings will show here, once you rate how you are doing (Settings).</source>
            <translation>Aquí se verán tus valoraciones ALSFRS-R, cuando valores cómo estás (Ajustes).</translation>
        </message>
        <message>
            <source>Total (0-48)</source>
            <translation>Total (0-48)</translation>
        </message>
        <message>
            <source>Total (left scale)</source>
            <translation>Total (escala izquierda)</translation>
        </message>
        <message>
            <source>Parts (right scale, 0-12):</source>
            <translation>Partes (escala derecha, 0-12):</translation>
        </message>
        <message>
            <source>Each part (0-12)</source>
            <translation>Cada parte (0-12)</translation>
        </message>
        <message>
            <source>no tiredness rated</source>
            <translation>sin cansancio valorado</translation>
        </message>
        <message>
            <source>Week of {day}: {done} of {target} sessions</source>
            <translation>Semana del {day}: {done} de {target} sesiones</translation>
        </message>
        <message>
            <source>rated by you</source>
            <translation>valorado por ti</translation>
        </message>
        <message>
            <source>rated by a caregiver</source>
            <translation>valorado por un cuidador</translation>
        </message>
        <message>
            <source>rated by a clinician</source>
            <translation>valorado por un profesional clínico</translation>
        </message>
        <message>
            <source>{day}: total {total} of 48, {who}; {parts}</source>
            <translation>{day}: total {total} de 48, {who}; {parts}</translation>
        </message>
        <message>
            <source>highest {high}, average {mean}</source>
            <translation>máximo {high}, media {mean}</translation>
        </message>
        <message>
            <source>{n} repetitions</source>
            <translation>{n} repeticiones</translation>
        </message>
        <message>
            <source>with {load}</source>
            <translation>con {load}</translation>
        </message>
    </context>
    <context>
        <name>ChoiceRow</name>
        <message>
            <source>Chosen</source>
            <translation>Elegido</translation>
        </message>
        <message>
            <source>Not chosen</source>
            <translation>No elegido</translation>
        </message>
    </context>
    <context>
        <name>ChoicesRow</name>
        <message>
            <source>Chosen</source>
            <translation>Elegido</translation>
        </message>
        <message>
            <source>Not chosen</source>
            <translation>No elegido</translation>
        </message>
    </context>
    <context>
        <name>ConfirmStopScreen</name>
        <message>
            <source>Stop now?</source>
            <translation>¿Parar ahora?</translation>
        </message>
        <message>
            <source>Everything you have done is saved. Stopping when tired is the right choice.</source>
            <translation>Todo lo que has hecho está guardado. Parar cuando hay cansancio es la decisión correcta.</translation>
        </message>
        <message>
            <source>Yes, stop</source>
            <translation>Sí, parar</translation>
        </message>
        <message>
            <source>No, go back</source>
            <translation>No, volver</translation>
        </message>
    </context>
    <context>
        <name>ContactScreen</name>
        <message>
            <source>How to reach your therapist</source>
            <translation>Cómo contactar con tu terapeuta</translation>
        </message>
        <message>
            <source>alshome shows this whenever you need to stop. Anyone may type it for you, and any field can stay empty.</source>
            <translation>alshome muestra esto siempre que necesites parar. Cualquiera puede escribirlo por ti, y cualquier campo puede quedar vacío.</translation>
        </message>
        <message>
            <source>Your therapist's name</source>
            <translation>Nombre de tu terapeuta</translation>
        </message>
        <message>
            <source>Phone or email</source>
            <translation>Teléfono o correo electrónico</translation>
        </message>
        <message>
            <source>Your name (optional)</source>
            <translation>Tu nombre (opcional)</translation>
        </message>
        <message>
            <source>Used only on reports you choose to give your clinic.</source>
            <translation>Solo se usa en los informes que decidas dar a tu clínica.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Save and continue</source>
            <translation>Guardar y continuar</translation>
        </message>
        <message>
            <source>Keeps these details on this computer.</source>
            <translation>Guarda estos datos en este ordenador.</translation>
        </message>
    </context>
    <context>
        <name>DosePage</name>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
    </context>
    <context>
        <name>Editor</name>
        <message>
            <source>All</source>
            <translation>Todas</translation>
        </message>
        <message>
            <source>Neck</source>
            <translation>Cuello</translation>
        </message>
        <message>
            <source>Shoulders</source>
            <translation>Hombros</translation>
        </message>
        <message>
            <source>Elbows</source>
            <translation>Codos</translation>
        </message>
        <message>
            <source>Wrists</source>
            <translation>Muñecas</translation>
        </message>
        <message>
            <source>Hands</source>
            <translation>Manos</translation>
        </message>
        <message>
            <source>Trunk</source>
            <translation>Tronco</translation>
        </message>
        <message>
            <source>Hips</source>
            <translation>Caderas</translation>
        </message>
        <message>
            <source>Knees</source>
            <translation>Rodillas</translation>
        </message>
        <message>
            <source>Ankles</source>
            <translation>Tobillos</translation>
        </message>
        <message>
            <source>Arms</source>
            <translation>Brazos</translation>
        </message>
        <message>
            <source>Legs</source>
            <translation>Piernas</translation>
        </message>
        <message>
            <source>Hold (seconds)</source>
            <translation>Mantener (segundos)</translation>
        </message>
        <message>
            <source>Repetitions</source>
            <translation>Repeticiones</translation>
        </message>
        <message>
            <source>Sets</source>
            <translation>Series</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Peso</translation>
        </message>
        <message>
            <source>Weight in</source>
            <translation>Peso en</translation>
        </message>
        <message>
            <source>Minutes per bout</source>
            <translation>Minutos por tanda</translation>
        </message>
        <message>
            <source>Bouts</source>
            <translation>Tandas</translation>
        </message>
        <message>
            <source>Rest between sets (seconds)</source>
            <translation>Descanso entre series (segundos)</translation>
        </message>
        <message>
            <source>Resistance level</source>
            <translation>Nivel de resistencia</translation>
        </message>
        <message>
            <source>Sides</source>
            <translation>Lados</translation>
        </message>
        <message>
            <source>Who moves</source>
            <translation>Quién mueve</translation>
        </message>
        <message>
            <source>Arms or legs</source>
            <translation>Brazos o piernas</translation>
        </message>
        <message>
            <source>Sessions a week</source>
            <translation>Sesiones por semana</translation>
        </message>
        <message>
            <source>Rest longer from tiredness</source>
            <translation>Descansar más a partir de este cansancio</translation>
        </message>
        <message>
            <source>Offer to stop from tiredness</source>
            <translation>Ofrecer parar a partir de este cansancio</translation>
        </message>
        <message>
            <source>A longer rest is this many times longer</source>
            <translation>Un descanso largo es tantas veces más largo</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Izquierdo</translation>
        </message>
        <message>
            <source>Right</source>
            <translation>Derecho</translation>
        </message>
        <message>
            <source>Both sides</source>
            <translation>Ambos lados</translation>
        </message>
        <message>
            <source>No sides</source>
            <translation>Sin lados</translation>
        </message>
        <message>
            <source>The patient</source>
            <translation>El paciente</translation>
        </message>
        <message>
            <source>With help</source>
            <translation>Con ayuda</translation>
        </message>
        <message>
            <source>The helper</source>
            <translation>El ayudante</translation>
        </message>
        <message>
            <source>kg</source>
            <translation>kg</translation>
        </message>
        <message>
            <source>lb</source>
            <translation>lb</translation>
        </message>
    </context>
    <context>
        <name>EditorScreen</name>
        <message>
            <source>Change the program</source>
            <translation>Cambiar el programa</translation>
        </message>
        <message>
            <source>Yes, change it</source>
            <translation>Sí, cambiarlo</translation>
        </message>
        <message>
            <source>No, go back</source>
            <translation>No, volver</translation>
        </message>
        <message>
            <source>The therapist's PIN</source>
            <translation>El PIN del terapeuta</translation>
        </message>
        <message>
            <source>This is for your therapist or helper. Change the program?</source>
            <translation>Esto es para tu terapeuta o ayudante. ¿Cambiar el programa?</translation>
        </message>
        <message>
            <source>Exercises, in order</source>
            <translation>Ejercicios, en orden</translation>
        </message>
        <message>
            <source>Change its words or picture</source>
            <translation>Cambiar sus palabras o su imagen</translation>
        </message>
        <message>
            <source>For your own exercise. Sessions already done keep theirs.</source>
            <translation>Para tu propio ejercicio. Las sesiones ya hechas conservan las suyas.</translation>
        </message>
        <message>
            <source>Preview the session</source>
            <translation>Ver la sesión de prueba</translation>
        </message>
        <message>
            <source>Shows each exercise as the session will. Records nothing.</source>
            <translation>Muestra cada ejercicio como lo hará la sesión. No registra nada.</translation>
        </message>
        <message>
            <source>For the whole program</source>
            <translation>Para todo el programa</translation>
        </message>
        <message>
            <source>Therapist's name</source>
            <translation>Nombre del terapeuta</translation>
        </message>
        <message>
            <source>How to reach the therapist</source>
            <translation>Cómo contactar con el terapeuta</translation>
        </message>
        <message>
            <source>Notes for the patient and helper</source>
            <translation>Notas para el paciente y el ayudante</translation>
        </message>
        <message>
            <source>What to do instead on a day still tired from last time</source>
            <translation>Qué hacer en su lugar un día con cansancio de la última vez</translation>
        </message>
        <message>
            <source>A PIN for this editor</source>
            <translation>Un PIN para este editor</translation>
        </message>
        <message>
            <source>Set, change or remove the PIN the editor asks for.</source>
            <translation>Poner, cambiar o quitar el PIN que pide el editor.</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <source>Change the dose</source>
            <translation>Cambiar dosis</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Asks first.</source>
            <translation>Pregunta antes.</translation>
        </message>
        <message>
            <source>Add an exercise</source>
            <translation>Añadir ejercicio</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Yes, take it out</source>
            <translation>Sí, quitarlo</translation>
        </message>
        <message>
            <source>No, keep it</source>
            <translation>No, mantenerlo</translation>
        </message>
        <message>
            <source>That PIN is not right.</source>
            <translation>Ese PIN no es correcto.</translation>
        </message>
        <message>
            <source>Save as version {n}</source>
            <translation>Guardar como versión {n}</translation>
        </message>
        <message>
            <source>Changing {name}, version {version}</source>
            <translation>Cambiando {name}, versión {version}</translation>
        </message>
        <message>
            <source>{n} sets</source>
            <translation>{n} series</translation>
        </message>
        <message>
            <source>Moved.</source>
            <translation>Movido.</translation>
        </message>
        <message>
            <source>Take {name} out of the program?</source>
            <translation>¿Quitar {name} del programa?</translation>
        </message>
        <message>
            <source>Took out {name}.</source>
            <translation>Se ha quitado {name}.</translation>
        </message>
        <message>
            <source>Changed {name}.</source>
            <translation>Se ha cambiado {name}.</translation>
        </message>
        <message>
            <source>Added {name}. Check its dose.</source>
            <translation>Se ha añadido {name}. Revisa su dosis.</translation>
        </message>
        <message>
            <source>Add an exercise first.</source>
            <translation>Primero añade un ejercicio.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Saved as version {n}. It is the program from now on.</source>
            <translation>Guardado como versión {n}. Desde ahora es el programa.</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>There is no backup number {number}; `alshome restore` lists the backups.</source>
            <translation>No hay ninguna copia de seguridad con el número {number}; `alshome restore` lista las copias.</translation>
        </message>
        <message>
            <source>A FHIR export needs --patient-id: the identifier the clinic's record system knows the person by.</source>
            <translation>Una exportación FHIR necesita --patient-id: el identificador con el que el sistema de historias clínicas conoce a la persona.</translation>
        </message>
        <message>
            <source>A passphrase needs at least one character; nothing was changed.</source>
            <translation>Una frase de contraseña necesita al menos un carácter; no se ha cambiado nada.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same; nothing was changed.</source>
            <translation>Las dos frases de contraseña no son iguales; no se ha cambiado nada.</translation>
        </message>
        <message>
            <source>A PDF report needs --output FILE.pdf; nothing was written.</source>
            <translation>Un informe en PDF necesita --output ARCHIVO.pdf; no se ha escrito nada.</translation>
        </message>
        <message>
            <source>There is no alshome history in {folder} to back up.</source>
            <translation>No hay ningún historial de alshome en {folder} del que hacer una copia de seguridad.</translation>
        </message>
        <message>
            <source>{path} cannot be removed: {reason}.</source>
            <translation>No se puede borrar {path}: {reason}.</translation>
        </message>
        <message>
            <source>The history is already protected with a passphrase.</source>
            <translation>El historial ya está protegido con una frase de contraseña.</translation>
        </message>
        <message>
            <source>The history has no passphrase to remove.</source>
            <translation>El historial no tiene ninguna frase de contraseña que quitar.</translation>
        </message>
        <message>
            <source>There is no alshome history in {folder}.</source>
            <translation>No hay ningún historial de alshome en {folder}.</translation>
        </message>
        <message>
            <source>must be between {low} and {high}</source>
            <translation>debe estar entre {low} y {high}</translation>
        </message>
        <message>
            <source>must be a date and time in ISO 8601 with its UTC offset</source>
            <translation>debe ser una fecha y hora en ISO 8601 con su desfase respecto a UTC</translation>
        </message>
        <message>
            <source>must be a lowercase UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e</source>
            <translation>debe ser un UUID en minúsculas, como 0f8fad5b-d9cb-469f-a165-70867728950e</translation>
        </message>
        <message>
            <source>must not name a symptom twice</source>
            <translation>no debe nombrar dos veces el mismo síntoma</translation>
        </message>
        <message>
            <source>must be a date in ISO 8601 such as 2024-05-01</source>
            <translation>debe ser una fecha en ISO 8601, como 2024-05-01</translation>
        </message>
        <message>
            <source>must be base64 text</source>
            <translation>debe ser texto en base64</translation>
        </message>
        <message>
            <source>must give a value for each of the 12 items</source>
            <translation>debe dar un valor para cada uno de los 12 apartados</translation>
        </message>
        <message>
            <source>set_number must not be above total_sets</source>
            <translation>set_number no debe ser mayor que total_sets</translation>
        </message>
        <message>
            <source>sets must not repeat a position</source>
            <translation>sets no debe repetir una posición</translation>
        </message>
        <message>
            <source>name and version must match those of the document</source>
            <translation>name y version deben coincidir con los del documento</translation>
        </message>
        <message>
            <source>media must give each picture and video the document names</source>
            <translation>media debe dar cada imagen y cada vídeo que nombra el documento</translation>
        </message>
        <message>
            <source>sha256 must be the SHA-256 of the content</source>
            <translation>sha256 debe ser el SHA-256 del contenido</translation>
        </message>
        <message>
            <source>media must not repeat a sha256</source>
            <translation>media no debe repetir un sha256</translation>
        </message>
        <message>
            <source>media must hold exactly the pictures and videos programs name</source>
            <translation>media debe contener exactamente las imágenes y los vídeos que nombran los programas</translation>
        </message>
        <message>
            <source>programs must not repeat a name and version</source>
            <translation>programs no debe repetir un nombre y una versión</translation>
        </message>
        <message>
            <source>programs must have at most one active program</source>
            <translation>programs debe tener como mucho un programa activo</translation>
        </message>
        <message>
            <source>sessions must not repeat a uuid</source>
            <translation>sessions no debe repetir un uuid</translation>
        </message>
        <message>
            <source>carry_over_checks must name sessions that are in the export</source>
            <translation>carry_over_checks debe nombrar sesiones que estén en la exportación</translation>
        </message>
        <message>
            <source>carry_over_checks must not name a session twice</source>
            <translation>carry_over_checks no debe nombrar dos veces la misma sesión</translation>
        </message>
        <message>
            <source>{file} is not an alshome export.</source>
            <translation>{file} no es una exportación de alshome.</translation>
        </message>
        <message>
            <source>{file}: version: must be a whole number</source>
            <translation>{file}: version: debe ser un número entero</translation>
        </message>
        <message>
            <source>{file} is an export of version {version}, and this alshome reads versions 1 to {newest}.</source>
            <translation>{file} es una exportación de la versión {version}, y este alshome lee las versiones 1 a {newest}.</translation>
        </message>
        <message>
            <source>{file}: {problem}</source>
            <translation>{file}: {problem}</translation>
        </message>
        <message>
            <source>{file}: {field}: {entry}: {problem}.</source>
            <translation>{file}: {field}: {entry}: {problem}.</translation>
        </message>
        <message>
            <source>A different program named {name}, version {version}, is already saved; nothing was imported.</source>
            <translation>Ya hay guardado otro programa llamado {name}, versión {version}; no se ha importado nada.</translation>
        </message>
        <message>
            <source>--database-url: {reason}.</source>
            <translation>--database-url: {reason}.</translation>
        </message>
        <message>
            <source>The database cannot be used: {reason}.</source>
            <translation>No se puede usar la base de datos: {reason}.</translation>
        </message>
        <message>
            <source>{path} cannot be used: {reason}.</source>
            <translation>No se puede usar {path}: {reason}.</translation>
        </message>
        <message>
            <source>The data folder cannot be used: {reason}.</source>
            <translation>No se puede usar la carpeta de datos: {reason}.</translation>
        </message>
        <message>
            <source>alshome backs up only a history kept in a SQLite file; a history on a database server is kept safe by the server's own backups.</source>
            <translation>alshome solo hace copias de seguridad de un historial guardado en un archivo SQLite; un historial en un servidor de bases de datos lo protegen las copias de seguridad del propio servidor.</translation>
        </message>
        <message>
            <source>alshome restores only a history kept in a SQLite file; a history on a database server is restored with the server's own tools.</source>
            <translation>alshome solo restaura un historial guardado en un archivo SQLite; un historial en un servidor de bases de datos se restaura con las herramientas del propio servidor.</translation>
        </message>
        <message>
            <source>A passphrase protects only a history kept in a SQLite file; a history on a database server is protected by the server's own access control.</source>
            <translation>Una frase de contraseña solo protege un historial guardado en un archivo SQLite; un historial en un servidor de bases de datos lo protege el control de acceso del propio servidor.</translation>
        </message>
        <message>
            <source>--from {first} is after --to {last}; nothing was written.</source>
            <translation>--from {first} es posterior a --to {last}; no se ha escrito nada.</translation>
        </message>
        <message>
            <source>{address} is not a secure clinic address: it must begin with https://.</source>
            <translation>{address} no es una dirección segura de clínica: debe empezar por https://.</translation>
        </message>
        <message>
            <source>This history is not shared with a clinic.</source>
            <translation>Este historial no se comparte con ninguna clínica.</translation>
        </message>
        <message>
            <source>The clinic's program cannot be used: {reason}</source>
            <translation>No se puede usar el programa de la clínica: {reason}</translation>
        </message>
        <message>
            <source>The clinic's program cannot be used: its pictures came with another.</source>
            <translation>No se puede usar el programa de la clínica: sus imágenes llegaron con otro.</translation>
        </message>
        <message>
            <source>The clinic could not be reached ({reason}).</source>
            <translation>No se pudo conectar con la clínica ({reason}).</translation>
        </message>
        <message>
            <source>The clinic refused it ({code}: {reason}).</source>
            <translation>La clínica lo rechazó ({code}: {reason}).</translation>
        </message>
        <message>
            <source>{path} cannot be written: {reason}.</source>
            <translation>No se puede escribir {path}: {reason}.</translation>
        </message>
        <message>
            <source>{file}: {field}: {value} can only travel in a {suffix} bundle, with the program and its pictures and videos in one file.</source>
            <translation>{file}: {field}: {value} solo puede viajar en un paquete {suffix}, con el programa y sus imágenes y vídeos en un solo archivo.</translation>
        </message>
        <message>
            <source>There is no file at {path}.</source>
            <translation>No hay ningún archivo en {path}.</translation>
        </message>
        <message>
            <source>{path} is a folder, not a file.</source>
            <translation>{path} es una carpeta, no un archivo.</translation>
        </message>
        <message>
            <source>{path} cannot be read: {reason}.</source>
            <translation>No se puede leer {path}: {reason}.</translation>
        </message>
        <message>
            <source>is not a program bundle (a zip archive)</source>
            <translation>no es un paquete de programa (un archivo zip)</translation>
        </message>
        <message>
            <source>The program has pictures or video, so it is written as a bundle: give the file a name ending in {suffix}, such as {example}.</source>
            <translation>El programa tiene imágenes o vídeo, así que se escribe como paquete: dale al archivo un nombre que termine en {suffix}, como {example}.</translation>
        </message>
        <message>
            <source>holds {count} files; a bundle may hold {limit}</source>
            <translation>contiene {count} archivos; un paquete puede contener {limit}</translation>
        </message>
        <message>
            <source>is in the bundle twice</source>
            <translation>está dos veces en el paquete</translation>
        </message>
        <message>
            <source>has no {program} at its root</source>
            <translation>no tiene {program} en su raíz</translation>
        </message>
        <message>
            <source>{file}: {entry}: {problem}</source>
            <translation>{file}: {entry}: {problem}</translation>
        </message>
        <message>
            <source>is not named by {program}</source>
            <translation>no lo nombra {program}</translation>
        </message>
        <message>
            <source>is named by {program} but is not in the bundle</source>
            <translation>lo nombra {program}, pero no está en el paquete</translation>
        </message>
        <message>
            <source>has a name no bundle uses</source>
            <translation>tiene un nombre que ningún paquete usa</translation>
        </message>
        <message>
            <source>has an absolute path</source>
            <translation>tiene una ruta absoluta</translation>
        </message>
        <message>
            <source>has a path that leads out of the bundle (..)</source>
            <translation>tiene una ruta que sale del paquete (..)</translation>
        </message>
        <message>
            <source>is a link</source>
            <translation>es un enlace</translation>
        </message>
        <message>
            <source>is not a plain file</source>
            <translation>no es un archivo normal</translation>
        </message>
        <message>
            <source>is encrypted</source>
            <translation>está cifrado</translation>
        </message>
        <message>
            <source>is compressed in a way bundles do not use</source>
            <translation>está comprimido de una forma que los paquetes no usan</translation>
        </message>
        <message>
            <source>expands more than {ratio} times its size (a zip bomb)</source>
            <translation>se expande más de {ratio} veces su tamaño (una bomba zip)</translation>
        </message>
        <message>
            <source>is damaged</source>
            <translation>está dañado</translation>
        </message>
        <message>
            <source>is larger than {size} MB</source>
            <translation>ocupa más de {size} MB</translation>
        </message>
        <message>
            <source>is larger than {size} KB</source>
            <translation>ocupa más de {size} KB</translation>
        </message>
        <message>
            <source>{file} {problem}.</source>
            <translation>{file} {problem}.</translation>
        </message>
        <message>
            <source>{file}: {entry}: {problem}.</source>
            <translation>{file}: {entry}: {problem}.</translation>
        </message>
        <message>
            <source>{file} is too large ({size} bytes; the limit is {limit}).</source>
            <translation>{file} es demasiado grande ({size} bytes; el límite es {limit}).</translation>
        </message>
        <message>
            <source>{file} is not a text file.</source>
            <translation>{file} no es un archivo de texto.</translation>
        </message>
        <message>
            <source>{file} holds a NUL character, which no alshome file does.</source>
            <translation>{file} contiene un carácter NUL, que ningún archivo de alshome tiene.</translation>
        </message>
        <message>
            <source>{file} is not valid JSON (line {line}: {reason}).</source>
            <translation>{file} no es JSON válido (línea {line}: {reason}).</translation>
        </message>
        <message>
            <source>{file} is not an alshome file.</source>
            <translation>{file} no es un archivo de alshome.</translation>
        </message>
        <message>
            <source>{field}: {value} is neither in the library nor in custom_exercises</source>
            <translation>{field}: {value} no está ni en la biblioteca ni en custom_exercises</translation>
        </message>
        <message>
            <source>{field}: {value} is not in the library</source>
            <translation>{field}: {value} no está en la biblioteca</translation>
        </message>
        <message>
            <source>{field}: {value} is a {kind} exercise</source>
            <translation>{field}: {value} es un ejercicio de tipo {kind}</translation>
        </message>
        <message>
            <source>{field}: must not be above stop_at</source>
            <translation>{field}: no debe ser mayor que stop_at</translation>
        </message>
        <message>
            <source>{field}: {value} is used twice</source>
            <translation>{field}: {value} se usa dos veces</translation>
        </message>
        <message>
            <source>{field}: {value} is a library exercise's id; give it an id of its own</source>
            <translation>{field}: {value} es el id de un ejercicio de la biblioteca; dale un id propio</translation>
        </message>
        <message>
            <source>{field}: {value} is not written as the format says</source>
            <translation>{field}: {value} no está escrito como dice el formato</translation>
        </message>
        <message>
            <source>{file}: {field}: {value} is used twice</source>
            <translation>{file}: {field}: {value} se usa dos veces</translation>
        </message>
        <message>
            <source>an MP4 video</source>
            <translation>un vídeo MP4</translation>
        </message>
        <message>
            <source>a WebM video</source>
            <translation>un vídeo WebM</translation>
        </message>
        <message>
            <source>is not a {format} picture that opens</source>
            <translation>no es una imagen {format} que se pueda abrir</translation>
        </message>
        <message>
            <source>is {width} by {height} pixels; a picture may have at most {limit} a side</source>
            <translation>mide {width} por {height} píxeles; una imagen puede tener como mucho {limit} por lado</translation>
        </message>
        <message>
            <source>is not {kind}</source>
            <translation>no es {kind}</translation>
        </message>
        <message>
            <source>is {kind} without a picture</source>
            <translation>es {kind} sin imagen</translation>
        </message>
        <message>
            <source>is {codec} video; {kind} must hold {allowed}</source>
            <translation>es vídeo {codec}; {kind} debe contener {allowed}</translation>
        </message>
        <message>
            <source>is larger than {limit} pixels a side</source>
            <translation>mide más de {limit} píxeles por lado</translation>
        </message>
        <message>
            <source>does not say how long it plays</source>
            <translation>no dice cuánto dura</translation>
        </message>
        <message>
            <source>plays for {seconds} seconds; a video may play for at most {minutes} minutes</source>
            <translation>dura {seconds} segundos; un vídeo puede durar como mucho {minutes} minutos</translation>
        </message>
        <message>
            <source>is {kind} with no picture that plays</source>
            <translation>es {kind} sin ninguna imagen que se pueda reproducir</translation>
        </message>
        <message>
            <source>is not {kind} that plays</source>
            <translation>no es {kind} que se pueda reproducir</translation>
        </message>
        <message>
            <source>need format_version 2</source>
            <translation>necesitan format_version 2</translation>
        </message>
        <message>
            <source>is required</source>
            <translation>es obligatorio</translation>
        </message>
        <message>
            <source>is not a known field</source>
            <translation>no es un campo conocido</translation>
        </message>
        <message>
            <source>must be a whole number</source>
            <translation>debe ser un número entero</translation>
        </message>
        <message>
            <source>must be a number</source>
            <translation>debe ser un número</translation>
        </message>
        <message>
            <source>must be true or false</source>
            <translation>debe ser true o false</translation>
        </message>
        <message>
            <source>must be text</source>
            <translation>debe ser texto</translation>
        </message>
        <message>
            <source>must be a list</source>
            <translation>debe ser una lista</translation>
        </message>
        <message>
            <source>must be an object</source>
            <translation>debe ser un objeto</translation>
        </message>
        <message>
            <source>must be at most {max_length} characters</source>
            <translation>debe tener como mucho {max_length} caracteres</translation>
        </message>
        <message>
            <source>must not be empty</source>
            <translation>no debe estar vacío</translation>
        </message>
        <message>
            <source>must be valid text</source>
            <translation>debe ser texto válido</translation>
        </message>
        <message>
            <source>must be a finite number</source>
            <translation>debe ser un número finito</translation>
        </message>
        <message>
            <source>must have at least {min_length} entries</source>
            <translation>debe tener al menos {min_length} elementos</translation>
        </message>
        <message>
            <source>must have at most {max_length} entries</source>
            <translation>debe tener como mucho {max_length} elementos</translation>
        </message>
        <message>
            <source>must be {expected}</source>
            <translation>debe ser {expected}</translation>
        </message>
        <message>
            <source>must be one of {expected}</source>
            <translation>debe ser uno de estos: {expected}</translation>
        </message>
        <message>
            <source>must be one of {expected_tags}</source>
            <translation>debe ser uno de estos: {expected_tags}</translation>
        </message>
        <message>
            <source>must have at least 1 entry</source>
            <translation>debe tener al menos 1 elemento</translation>
        </message>
        <message>
            <source>must have at most 1 entry</source>
            <translation>debe tener como mucho 1 elemento</translation>
        </message>
        <message>
            <source>is not valid</source>
            <translation>no es válido</translation>
        </message>
        <message>
            <source>must be 2 to 80 lowercase letters, digits or _</source>
            <translation>debe tener de 2 a 80 letras minúsculas, cifras o _</translation>
        </message>
        <message>
            <source>must be a relative path in the bundle ending in .png, .jpg, .jpeg or .webp</source>
            <translation>debe ser una ruta relativa dentro del paquete que termine en .png, .jpg, .jpeg o .webp</translation>
        </message>
        <message>
            <source>must be a relative path in the bundle ending in .mp4 or .webm</source>
            <translation>debe ser una ruta relativa dentro del paquete que termine en .mp4 o .webm</translation>
        </message>
        <message>
            <source>is out of range</source>
            <translation>está fuera del rango permitido</translation>
        </message>
        <message>
            <source>{field}: {reason}</source>
            <translation>{field}: {reason}</translation>
        </message>
        <message>
            <source>{path} is named by the program but is not in it.</source>
            <translation>El programa nombra {path}, pero no lo contiene.</translation>
        </message>
        <message>
            <source>A different program named {name}, version {version}, is already saved; give this one a new version number.</source>
            <translation>Ya hay guardado otro programa llamado {name}, versión {version}; dale a este un número de versión nuevo.</translation>
        </message>
        <message>
            <source>The copy of {path} is damaged, so no backup was saved.</source>
            <translation>La copia de {path} está dañada, así que no se ha guardado ninguna copia de seguridad.</translation>
        </message>
        <message>
            <source>There is no backup at {path}.</source>
            <translation>No hay ninguna copia de seguridad en {path}.</translation>
        </message>
        <message>
            <source>{path} is not an alshome backup that can be restored.</source>
            <translation>{path} no es una copia de seguridad de alshome que se pueda restaurar.</translation>
        </message>
        <message>
            <source>The history in {path} could not be backed up first, so it was left as it is.</source>
            <translation>No se ha podido hacer antes una copia de seguridad del historial de {path}, así que se ha dejado como estaba.</translation>
        </message>
        <message>
            <source>{path} cannot be copied: {reason}.</source>
            <translation>No se puede copiar {path}: {reason}.</translation>
        </message>
        <message>
            <source>The copy {path} cannot be finished: {reason}.</source>
            <translation>No se puede terminar la copia {path}: {reason}.</translation>
        </message>
        <message>
            <source>The history is protected with a passphrase; it is needed to open it.</source>
            <translation>El historial está protegido con una frase de contraseña; hace falta para abrirlo.</translation>
        </message>
        <message>
            <source>The protected history is damaged ({reason}), though the passphrase is right. Nothing was changed.</source>
            <translation>El historial protegido está dañado ({reason}), aunque la frase de contraseña es correcta. No se ha cambiado nada.</translation>
        </message>
        <message>
            <source>The history could not be converted: {reason}.</source>
            <translation>No se ha podido convertir el historial: {reason}.</translation>
        </message>
        <message>
            <source>The history is in use; close alshome and try again.</source>
            <translation>El historial está en uso; cierra alshome y vuelve a intentarlo.</translation>
        </message>
        <message>
            <source>The converted copy did not verify; nothing was changed.</source>
            <translation>La copia convertida no ha pasado la comprobación; no se ha cambiado nada.</translation>
        </message>
        <message>
            <source>The saved history was damaged. Nothing was deleted: the damaged file was kept as {path}. Restore a backup, or start afresh beside it.</source>
            <translation>El historial guardado estaba dañado. No se ha borrado nada: el archivo dañado se ha guardado como {path}. Recupera una copia de seguridad o empieza de nuevo junto a él.</translation>
        </message>
        <message>
            <source>That passphrase is not right.</source>
            <translation>Esa frase de contraseña no es correcta.</translation>
        </message>
        <message>
            <source>This data was saved by a newer version of alshome; update alshome to open it.</source>
            <translation>Estos datos los guardó una versión más nueva de alshome; actualiza alshome para abrirlos.</translation>
        </message>
    </context>
    <context>
        <name>ExerciseMedia</name>
        <message>
            <source>Video of {name}</source>
            <translation>Vídeo de {name}</translation>
        </message>
        <message>
            <source>Picture of {name}</source>
            <translation>Imagen de {name}</translation>
        </message>
    </context>
    <context>
        <name>ExerciseScreen</name>
        <message>
            <source>Exercise</source>
            <translation>Ejercicio</translation>
        </message>
        <message>
            <source>Countdown</source>
            <translation>Cuenta atrás</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>Yes, I can still lift it without the weight</source>
            <translation>Sí, todavía puedo levantarlo sin el peso</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>No, I cannot lift it without the weight any more</source>
            <translation>No, ya no puedo levantarlo sin el peso</translation>
        </message>
        <message>
            <source>Your therapist will be asked to look at this exercise. Nothing else changes.</source>
            <translation>Se pedirá a tu terapeuta que revise este ejercicio. No cambia nada más.</translation>
        </message>
        <message>
            <source>10 seconds more</source>
            <translation>10 segundos más</translation>
        </message>
        <message>
            <source>Makes this hold longer. Take the time you need.</source>
            <translation>Alarga esta posición. Tómate el tiempo que necesites.</translation>
        </message>
        <message>
            <source>One fewer repetition</source>
            <translation>Una repetición menos</translation>
        </message>
        <message>
            <source>One more repetition</source>
            <translation>Una repetición más</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Empezar</translation>
        </message>
        <message>
            <source>Skip this set</source>
            <translation>Saltar serie</translation>
        </message>
        <message>
            <source>Skip exercise</source>
            <translation>Saltar ejercicio</translation>
        </message>
        <message>
            <source>Exercise {n} of {total}</source>
            <translation>Ejercicio {n} de {total}</translation>
        </message>
        <message>
            <source>Set {n} of {total}</source>
            <translation>Serie {n} de {total}</translation>
        </message>
        <message>
            <source>For your helper</source>
            <translation>Para tu ayudante</translation>
        </message>
        <message>
            <source>Start now</source>
            <translation>Empezar ya</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>Stop this set</source>
            <translation>Parar serie</translation>
        </message>
        <message>
            <source>Can you still lift this without the weight?</source>
            <translation>¿Aún puedes levantarlo sin el peso?</translation>
        </message>
        <message>
            <source>Choose an answer: use the arrow keys, then Enter.</source>
            <translation>Elige una respuesta: usa las flechas y luego Intro.</translation>
        </message>
        <message>
            <source>Get ready. Press T to hear when it begins; Start now begins at once.</source>
            <translation>Prepárate. Pulsa T para oír cuándo empieza; Empezar ya empieza al momento.</translation>
        </message>
        <message>
            <source>Begin now.</source>
            <translation>Empieza ya.</translation>
        </message>
        <message>
            <source>Press Done when you have finished.</source>
            <translation>Pulsa Hecho cuando termines.</translation>
        </message>
        <message>
            <source>Press T to hear the time left.</source>
            <translation>Pulsa T para oír el tiempo que queda.</translation>
        </message>
        <message>
            <source>Done ends the set early and saves what you did.</source>
            <translation>Hecho termina la serie antes y guarda lo que hiciste.</translation>
        </message>
        <message>
            <source>Time is up. It moves on by itself soon; choose Wait to stay.</source>
            <translation>Se acabó el tiempo. Pronto seguirá solo; elige Esperar para quedarte.</translation>
        </message>
        <message>
            <source>Time is up. Press Done when you are ready.</source>
            <translation>Se acabó el tiempo. Pulsa Hecho cuando quieras.</translation>
        </message>
        <message>
            <source>Your answer is for your therapist. Today's session stays the same.</source>
            <translation>Tu respuesta es para tu terapeuta. La sesión de hoy no cambia.</translation>
        </message>
        <message>
            <source>Noted for your therapist. Until they have looked at it, you can skip this exercise.</source>
            <translation>Anotado para tu terapeuta. Hasta que lo revise, puedes saltar este ejercicio.</translation>
        </message>
        <message>
            <source>Get ready</source>
            <translation>Prepárate</translation>
        </message>
        <message>
            <source>Time is up. {moving_on}.</source>
            <translation>Se acabó el tiempo. {moving_on}.</translation>
        </message>
        <message>
            <source>You may stop early: press Done</source>
            <translation>¿Terminar ya? Pulsa Hecho</translation>
        </message>
        <message>
            <source>Done: {n}</source>
            <translation>Hechas: {n}</translation>
        </message>
    </context>
    <context>
        <name>FatigueScreen</name>
        <message>
            <source>How tired are you?</source>
            <translation>¿Cuánto cansancio tienes?</translation>
        </message>
        <message>
            <source>How tired do your muscles feel right now?</source>
            <translation>¿Cuánto cansancio notas ahora en los músculos?</translation>
        </message>
        <message>
            <source>Press a number key from 0 to 9, or choose a button.</source>
            <translation>Pulsa una tecla del 0 al 9 o elige un botón.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <source>Next exercise instead</source>
            <translation>Siguiente ejercicio</translation>
        </message>
        <message>
            <source>Leaves this exercise and goes to the next one.</source>
            <translation>Deja este ejercicio y pasa al siguiente.</translation>
        </message>
        <message>
            <source>set {n} of {total}</source>
            <translation>serie {n} de {total}</translation>
        </message>
        <message>
            <source>After: {what}</source>
            <translation>Después de: {what}</translation>
        </message>
        <message>
            <source>End session</source>
            <translation>Terminar la sesión</translation>
        </message>
        <message>
            <source>Press a number key, or choose a button.</source>
            <translation>Pulsa una tecla numérica o elige un botón.</translation>
        </message>
        <message>
            <source>{rating}, {word}. That is a lot: it is time to stop for today.</source>
            <translation>{rating}, {word}. Es mucho: es hora de parar por hoy.</translation>
        </message>
        <message>
            <source>{rating}, {word}. Your next rest will be longer.</source>
            <translation>{rating}, {word}. Tu próximo descanso será más largo.</translation>
        </message>
        <message>
            <source>{rating}, {word}.</source>
            <translation>{rating}, {word}.</translation>
        </message>
    </context>
    <context>
        <name>FigureView</name>
        <message>
            <source>Moves from the start position to the end position and back</source>
            <translation>Se mueve de la posición inicial a la final y vuelve</translation>
        </message>
        <message>
            <source>Illustration: {name}</source>
            <translation>Ilustración: {name}</translation>
        </message>
    </context>
    <context>
        <name>FirstRunScreen</name>
        <message>
            <source>Welcome</source>
            <translation>Bienvenida</translation>
        </message>
        <message>
            <source>Welcome to alshome</source>
            <translation>Te damos la bienvenida a alshome</translation>
        </message>
        <message>
            <source>What alshome does</source>
            <translation>Qué hace alshome</translation>
        </message>
        <message>
            <source>It guides you, step by step, through the exercise program your therapist gave you, and keeps your history on this computer only.</source>
            <translation>Te guía, paso a paso, en el programa de ejercicios que te dio tu terapeuta, y guarda tu historial solo en este ordenador.</translation>
        </message>
        <message>
            <source>What alshome does not do</source>
            <translation>Qué no hace alshome</translation>
        </message>
        <message>
            <source>It gives no medical advice, never changes your program and is not a medical device. With a new symptom, stop and contact your therapist.</source>
            <translation>No da consejos médicos, nunca cambia tu programa y no es un producto sanitario. Si notas un síntoma nuevo, para y contacta con tu terapeuta.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <source>Next, how to reach your therapist.</source>
            <translation>Ahora, cómo contactar con tu terapeuta.</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>4 weeks</source>
            <translation>4 semanas</translation>
        </message>
        <message>
            <source>3 months</source>
            <translation>3 meses</translation>
        </message>
        <message>
            <source>A year</source>
            <translation>Un año</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Todo</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>saltada</translation>
        </message>
        <message>
            <source>{when} · {program}, version {version}</source>
            <translation>{when} · {program}, versión {version}</translation>
        </message>
        <message>
            <source>no tiredness rated</source>
            <translation>sin cansancio valorado</translation>
        </message>
        <message>
            <source>{done} of {planned} sets</source>
            <translation>{done} de {planned} series</translation>
        </message>
        <message>
            <source>set {n} of {total}</source>
            <translation>serie {n} de {total}</translation>
        </message>
        <message>
            <source>Planned: {planned}</source>
            <translation>Previsto: {planned}</translation>
        </message>
        <message>
            <source>done: {done}</source>
            <translation>hecho: {done}</translation>
        </message>
        <message>
            <source>tiredness highest {high}, average {mean}</source>
            <translation>cansancio máximo {high}, media {mean}</translation>
        </message>
        <message>
            <source>symptoms: {names}</source>
            <translation>síntomas: {names}</translation>
        </message>
        <message>
            <source>tiredness {rating} of 10</source>
            <translation>cansancio {rating} de 10</translation>
        </message>
    </context>
    <context>
        <name>HistoryScreen</name>
        <message>
            <source>Your history</source>
            <translation>Tu historial</translation>
        </message>
        <message>
            <source>Show {span}</source>
            <translation>Mostrar {span}</translation>
        </message>
        <message>
            <source>Sessions, newest first</source>
            <translation>Sesiones, la más reciente primero</translation>
        </message>
        <message>
            <source>Each session you do will show here, newest first.</source>
            <translation>Aquí se verá cada sesión que hagas, la más reciente primero.</translation>
        </message>
        <message>
            <source>Every set of this session</source>
            <translation>Todas las series de esta sesión</translation>
        </message>
        <message>
            <source>No set was recorded in this session.</source>
            <translation>No se registró ninguna serie en esta sesión.</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sesiones</translation>
        </message>
        <message>
            <source>Show the list of sessions</source>
            <translation>Mostrar la lista de sesiones</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Gráficos</translation>
        </message>
        <message>
            <source>Show the charts</source>
            <translation>Mostrar los gráficos</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Back to the list from a session, else back home.</source>
            <translation>Desde una sesión, vuelve a la lista; si no, al inicio.</translation>
        </message>
        <message>
            <source>Clinic report</source>
            <translation>Informe para la clínica</translation>
        </message>
        <message>
            <source>Save a PDF of the range shown, to bring to your therapist.</source>
            <translation>Guarda un PDF del periodo mostrado, para llevar a tu terapeuta.</translation>
        </message>
        <message>
            <source>No sessions in this time.</source>
            <translation>No hay sesiones en este periodo.</translation>
        </message>
        <message>
            <source>{sessions} sessions · target met in {met} of {weeks} weeks · {stops} stopped early</source>
            <translation>{sessions} sesiones · objetivo cumplido en {met} de {weeks} semanas · {stops} paradas antes de tiempo</translation>
        </message>
        <message>
            <source>Save the clinic report</source>
            <translation>Guardar el informe para la clínica</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Archivos PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The clinic report is saved in {path}.</source>
            <translation>El informe para la clínica está guardado en {path}.</translation>
        </message>
    </context>
    <context>
        <name>HomeScreen</name>
        <message>
            <source>Home</source>
            <translation>Inicio</translation>
        </message>
        <message>
            <source>Hello</source>
            <translation>Hola</translation>
        </message>
        <message>
            <source>Today's session</source>
            <translation>La sesión de hoy</translation>
        </message>
        <message>
            <source>An example program for your therapist to adapt.</source>
            <translation>Un programa de ejemplo para que tu terapeuta lo adapte.</translation>
        </message>
        <message>
            <source>Start today's session</source>
            <translation>Empezar la sesión</translation>
        </message>
        <message>
            <source>Begins the guided session. You can pause or stop at any time.</source>
            <translation>Empieza la sesión guiada. Puedes pausar o parar cuando quieras.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Ajustes</translation>
        </message>
        <message>
            <source>Text size, colours, voice, switch scanning, reminders and session days.</source>
            <translation>Tamaño del texto, colores, voz, barrido por pulsador, recordatorios y días de sesión.</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historial</translation>
        </message>
        <message>
            <source>Your past sessions and how they went, with charts.</source>
            <translation>Tus sesiones anteriores y cómo fueron, con gráficos.</translation>
        </message>
        <message>
            <source>Rate how you are doing</source>
            <translation>Valora cómo estás</translation>
        </message>
        <message>
            <source>Twelve short questions for your therapist, once a month.</source>
            <translation>Doce preguntas cortas para tu terapeuta, una vez al mes.</translation>
        </message>
        <message>
            <source>Your clinic sent a new program</source>
            <translation>Programa nuevo de tu clínica</translation>
        </message>
        <message>
            <source>Says what changed, then asks; nothing changes by itself.</source>
            <translation>Dice qué ha cambiado y luego pregunta; nada cambia por sí solo.</translation>
        </message>
        <message>
            <source>{exercises} exercises, {sets} sets, about {minutes}</source>
            <translation>{exercises} ejercicios, {sets} series, unos {minutes}</translation>
        </message>
        <message>
            <source>Ask your therapist about: {exercises}.</source>
            <translation>Pregunta a tu terapeuta por: {exercises}.</translation>
        </message>
        <message>
            <source>{done} done, {to_go} to go</source>
            <translation>{done} hechas, faltan {to_go}</translation>
        </message>
        <message>
            <source>You have done this week's sessions. Rest well.</source>
            <translation>Has hecho las sesiones de esta semana. Descansa bien.</translation>
        </message>
        <message>
            <source>This week: {done} of 1 session.</source>
            <translation>Esta semana: {done} de 1 sesión.</translation>
        </message>
        <message>
            <source>This week: {done} of {target} sessions.</source>
            <translation>Esta semana: {done} de {target} sesiones.</translation>
        </message>
        <message>
            <source>No session days are chosen. You can choose them in Settings.</source>
            <translation>No hay días de sesión elegidos. Puedes elegirlos en Ajustes.</translation>
        </message>
        <message>
            <source>Next session: {day}.</source>
            <translation>Próxima sesión: {day}.</translation>
        </message>
        <message>
            <source>today</source>
            <translation>hoy</translation>
        </message>
        <message>
            <source>tomorrow</source>
            <translation>mañana</translation>
        </message>
        <message>
            <source>{day} next week</source>
            <translation>{day} de la semana que viene</translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>ayer</translation>
        </message>
        <message>
            <source>No sessions yet. Your first one starts when you are ready.</source>
            <translation>Todavía no hay sesiones. La primera empieza cuando quieras.</translation>
        </message>
        <message>
            <source>Last session: {date}, {status}, {done} sets done.</source>
            <translation>Última sesión: {date}, {status}, {done} series hechas.</translation>
        </message>
        <message>
            <source>Highest tiredness {rating} of 10.</source>
            <translation>Cansancio máximo {rating} de 10.</translation>
        </message>
    </context>
    <context>
        <name>LibraryPage</name>
        <message>
            <source>Search the exercises</source>
            <translation>Buscar en los ejercicios</translation>
        </message>
        <message>
            <source>Type part of a name</source>
            <translation>Escribe parte de un nombre</translation>
        </message>
        <message>
            <source>Region: {name}</source>
            <translation>Zona: {name}</translation>
        </message>
        <message>
            <source>Adds it at the end of the program.</source>
            <translation>Lo añade al final del programa.</translation>
        </message>
        <message>
            <source>Make a new exercise</source>
            <translation>Crear un ejercicio nuevo</translation>
        </message>
        <message>
            <source>Your own exercise, with a picture or video if you like.</source>
            <translation>Tu propio ejercicio, con una imagen o un vídeo si quieres.</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <source>Back, add nothing</source>
            <translation>Atrás, sin añadir nada</translation>
        </message>
        <message>
            <source>Add an exercise</source>
            <translation>Añadir un ejercicio</translation>
        </message>
    </context>
    <context>
        <name>LighterDayScreen</name>
        <message>
            <source>Go easy today</source>
            <translation>Hoy, con calma</translation>
        </message>
        <message>
            <source>When tiredness or soreness lasts into the next day, the last session may have been a lot. Resting today is a good choice, and so is a lighter session.</source>
            <translation>Cuando el cansancio o las molestias duran hasta el día siguiente, puede que la última sesión fuera mucho. Descansar hoy es una buena opción, y también lo es una sesión más ligera.</translation>
        </message>
        <message>
            <source>Start the session</source>
            <translation>Empezar la sesión</translation>
        </message>
        <message>
            <source>You can stop or skip an exercise at any time.</source>
            <translation>Puedes parar o saltar un ejercicio en cualquier momento.</translation>
        </message>
        <message>
            <source>Rest today</source>
            <translation>Descansar hoy</translation>
        </message>
        <message>
            <source>Saves your answer and goes back to the home screen.</source>
            <translation>Guarda tu respuesta y vuelve a la pantalla de inicio.</translation>
        </message>
        <message>
            <source>Still sore: go easy today</source>
            <translation>Con molestias: hoy, con calma</translation>
        </message>
        <message>
            <source>Still tired: go easy today</source>
            <translation>Con cansancio: hoy, con calma</translation>
        </message>
        <message>
            <source>Your therapist's lighter option</source>
            <translation>La opción más ligera de tu terapeuta</translation>
        </message>
        <message>
            <source>No lighter option is set</source>
            <translation>No hay ninguna opción más ligera</translation>
        </message>
        <message>
            <source>If you are unsure, rest today and tell your therapist how you feel.</source>
            <translation>Si tienes dudas, descansa hoy y cuéntale a tu terapeuta cómo te sientes.</translation>
        </message>
        <message>
            <source>Choose Start the session or Rest today: use the arrow keys, then Enter.</source>
            <translation>Elige Empezar la sesión o Descansar hoy: usa las flechas y luego Intro.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>alshome – home exercise</source>
            <translation>alshome – ejercicio en casa</translation>
        </message>
        <message>
            <source>Not saved yet: the computer's disk is full or cannot be written. It will be saved when it can.</source>
            <translation>Aún no está guardado: el disco del ordenador está lleno o no se puede escribir. Se guardará cuando se pueda.</translation>
        </message>
        <message>
            <source>Some of today's session is not saved yet: the disk is full or cannot be written. If alshome closes now, that part is lost.</source>
            <translation>Parte de la sesión de hoy aún no está guardada: el disco está lleno o no se puede escribir. Si alshome se cierra ahora, esa parte se pierde.</translation>
        </message>
        <message>
            <source>Keep alshome open</source>
            <translation>Mantener alshome abierto</translation>
        </message>
        <message>
            <source>Close anyway</source>
            <translation>Cerrar de todos modos</translation>
        </message>
        <message>
            <source>Your program comes from {name}.</source>
            <translation>Tu programa es de {name}.</translation>
        </message>
        <message>
            <source>your therapist</source>
            <translation>tu terapeuta</translation>
        </message>
        <message>
            <source>Contact: {contact}</source>
            <translation>Contacto: {contact}</translation>
        </message>
    </context>
    <context>
        <name>MovingOn</name>
        <message>
            <source>Wait</source>
            <translation>Esperar</translation>
        </message>
        <message>
            <source>Stays on this screen until you are ready to go on.</source>
            <translation>Se queda en esta pantalla hasta que quieras seguir.</translation>
        </message>
        <message>
            <source>Moving on in {n} s</source>
            <translation>Seguimos en {n} s</translation>
        </message>
    </context>
    <context>
        <name>NewExercise</name>
        <message>
            <source>Choose a picture or video</source>
            <translation>Elegir una imagen o un vídeo</translation>
        </message>
        <message>
            <source>Pictures and videos</source>
            <translation>Imágenes y vídeos</translation>
        </message>
    </context>
    <context>
        <name>NewExercisePage</name>
        <message>
            <source>Name of the exercise</source>
            <translation>Nombre del ejercicio</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Kind: {name}</source>
            <translation>Tipo: {name}</translation>
        </message>
        <message>
            <source>Body region</source>
            <translation>Zona del cuerpo</translation>
        </message>
        <message>
            <source>Region: {name}</source>
            <translation>Zona: {name}</translation>
        </message>
        <message>
            <source>What the patient reads and hears</source>
            <translation>Lo que el paciente lee y escucha</translation>
        </message>
        <message>
            <source>What the helper reads, when the helper moves (may stay empty)</source>
            <translation>Lo que lee quien ayuda, cuando es quien mueve (puede quedar vacío)</translation>
        </message>
        <message>
            <source>Safety note (may stay empty)</source>
            <translation>Aviso de seguridad (puede quedar vacío)</translation>
        </message>
        <message>
            <source>Picture or video</source>
            <translation>Imagen o vídeo</translation>
        </message>
        <message>
            <source>Choose a picture or video</source>
            <translation>Elegir una imagen o un vídeo</translation>
        </message>
        <message>
            <source>A PNG, JPEG or WebP picture, or an MP4 or WebM video.</source>
            <translation>Una imagen PNG, JPEG o WebP, o un vídeo MP4 o WebM.</translation>
        </message>
        <message>
            <source>No picture or video</source>
            <translation>Sin imagen ni vídeo</translation>
        </message>
        <message>
            <source>Back, make nothing</source>
            <translation>Volver sin crear nada</translation>
        </message>
        <message>
            <source>Change this exercise</source>
            <translation>Cambiar este ejercicio</translation>
        </message>
        <message>
            <source>Make a new exercise</source>
            <translation>Crear un ejercicio nuevo</translation>
        </message>
        <message>
            <source>Save it</source>
            <translation>Guardarlo</translation>
        </message>
        <message>
            <source>Add it</source>
            <translation>Añadirlo</translation>
        </message>
        <message>
            <source>Save the changes</source>
            <translation>Guardar los cambios</translation>
        </message>
        <message>
            <source>Add it to the program</source>
            <translation>Añadirlo al programa</translation>
        </message>
        <message>
            <source>None: the words alone are shown.</source>
            <translation>Ninguno: solo se muestran las palabras.</translation>
        </message>
        <message>
            <source>A video, shown looping without sound.</source>
            <translation>Un vídeo, que se repite sin sonido.</translation>
        </message>
        <message>
            <source>A picture.</source>
            <translation>Una imagen.</translation>
        </message>
        <message>
            <source>{file} is not a picture or video the app can show.</source>
            <translation>{file} no es una imagen ni un vídeo que la aplicación pueda mostrar.</translation>
        </message>
        <message>
            <source>{file} could not be read.</source>
            <translation>No se ha podido leer {file}.</translation>
        </message>
        <message>
            <source>{file} {reason}.</source>
            <translation>{file} {reason}.</translation>
        </message>
        <message>
            <source>{file} is ready.</source>
            <translation>{file} está listo.</translation>
        </message>
        <message>
            <source>Give it a name and the words for the patient.</source>
            <translation>Ponle un nombre y las palabras para el paciente.</translation>
        </message>
    </context>
    <context>
        <name>NumberRow</name>
        <message>
            <source>Less</source>
            <translation>Menos</translation>
        </message>
        <message>
            <source>{name}: less</source>
            <translation>{name}: menos</translation>
        </message>
        <message>
            <source>More</source>
            <translation>Más</translation>
        </message>
        <message>
            <source>{name}: more</source>
            <translation>{name}: más</translation>
        </message>
    </context>
    <context>
        <name>OnOffRow</name>
        <message>
            <source>On</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>PassphraseScreen</name>
        <message>
            <source>Passphrase</source>
            <translation>Frase de contraseña</translation>
        </message>
        <message>
            <source>If you forget it, nobody can open your history. Write it down somewhere safe.</source>
            <translation>Si la olvidas, nadie podrá abrir tu historial. Anótala en un lugar seguro.</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>Nueva frase de contraseña</translation>
        </message>
        <message>
            <source>Any words you will remember; nobody sees them.</source>
            <translation>Cualquier palabra que vayas a recordar; nadie la ve.</translation>
        </message>
        <message>
            <source>The same passphrase again</source>
            <translation>La misma frase de contraseña otra vez</translation>
        </message>
        <message>
            <source>So that a slip of a finger is caught.</source>
            <translation>Así se detecta un error al teclear.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Remove the passphrase</source>
            <translation>Quitar la frase de contraseña</translation>
        </message>
        <message>
            <source>Protect the history with a passphrase</source>
            <translation>Proteger el historial con una frase de contraseña</translation>
        </message>
        <message>
            <source>Remove it</source>
            <translation>Quitarla</translation>
        </message>
        <message>
            <source>Protect it</source>
            <translation>Protegerlo</translation>
        </message>
        <message>
            <source>Your passphrase now</source>
            <translation>Tu frase de contraseña actual</translation>
        </message>
        <message>
            <source>Type a passphrase first.</source>
            <translation>Primero escribe una frase de contraseña.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same. Type them again.</source>
            <translation>Las dos frases de contraseña no son iguales. Escríbelas otra vez.</translation>
        </message>
    </context>
    <context>
        <name>PausedScreen</name>
        <message>
            <source>Paused</source>
            <translation>En pausa</translation>
        </message>
        <message>
            <source>Take all the time you need. Everything so far is saved.</source>
            <translation>Tómate todo el tiempo que necesites. Todo lo hecho hasta ahora está guardado.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Seguir</translation>
        </message>
    </context>
    <context>
        <name>PinPage</name>
        <message>
            <source>New PIN, 4 to 8 digits</source>
            <translation>PIN nuevo, de 4 a 8 cifras</translation>
        </message>
        <message>
            <source>The same PIN again</source>
            <translation>El mismo PIN otra vez</translation>
        </message>
        <message>
            <source>Save the PIN</source>
            <translation>Guardar el PIN</translation>
        </message>
        <message>
            <source>Remove the PIN</source>
            <translation>Quitar el PIN</translation>
        </message>
        <message>
            <source>Anyone can then open the editor after its question.</source>
            <translation>Así cualquiera puede abrir el editor tras su pregunta.</translation>
        </message>
        <message>
            <source>Back to the list</source>
            <translation>Volver a la lista</translation>
        </message>
        <message>
            <source>With a PIN, the editor opens only for someone who knows it. If it is forgotten, a new program can still come as a file.</source>
            <translation>Con un PIN, el editor solo se abre para quien lo sabe. Si se olvida, se puede seguir recibiendo un programa nuevo como archivo.</translation>
        </message>
        <message>
            <source>A PIN for the editor</source>
            <translation>Un PIN para el editor</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>Un PIN tiene de 4 a 8 cifras.</translation>
        </message>
        <message>
            <source>The two PINs are not the same. Type it again.</source>
            <translation>Los dos PIN no son iguales. Escríbelo otra vez.</translation>
        </message>
        <message>
            <source>Saved. The editor asks for it now.</source>
            <translation>Guardado. Ahora el editor lo pide.</translation>
        </message>
        <message>
            <source>Removed. The editor asks no PIN now.</source>
            <translation>Quitado. Ahora el editor no pide PIN.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <source>Previous exercise</source>
            <translation>Anterior</translation>
        </message>
        <message>
            <source>Next exercise</source>
            <translation>Siguiente</translation>
        </message>
        <message>
            <source>Back to the list</source>
            <translation>Volver a la lista</translation>
        </message>
        <message>
            <source>Preview of the session</source>
            <translation>Vista previa de la sesión</translation>
        </message>
        <message>
            <source>{count} exercises, about {minutes} in all. Nothing is recorded here.</source>
            <translation>{count} ejercicios, unos {minutes} en total. Aquí no se registra nada.</translation>
        </message>
        <message>
            <source>Exercise {n} of {total}</source>
            <translation>Ejercicio {n} de {total}</translation>
        </message>
        <message>
            <source>Shown to the helper:</source>
            <translation>Se muestra al ayudante:</translation>
        </message>
        <message>
            <source>Shown to the patient:</source>
            <translation>Se muestra al paciente:</translation>
        </message>
    </context>
    <context>
        <name>ProgramScreen</name>
        <message>
            <source>Your program</source>
            <translation>Tu programa</translation>
        </message>
        <message>
            <source>Load a program file</source>
            <translation>Abrir un programa</translation>
        </message>
        <message>
            <source>Opens a program file your therapist gave you. Asks first.</source>
            <translation>Abre un archivo de programa que te dio tu terapeuta. Pregunta antes.</translation>
        </message>
        <message>
            <source>Change the program</source>
            <translation>Cambiar programa</translation>
        </message>
        <message>
            <source>For your therapist or helper. Asks first.</source>
            <translation>Para tu terapeuta o ayudante. Pregunta antes.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Yes, use it</source>
            <translation>Sí, usarlo</translation>
        </message>
        <message>
            <source>No, keep mine</source>
            <translation>No, mantener el mío</translation>
        </message>
        <message>
            <source>{name}, version {version}.</source>
            <translation>{name}, versión {version}.</translation>
        </message>
        <message>
            <source>Program files (*.json)</source>
            <translation>Archivos de programa (*.json)</translation>
        </message>
        <message>
            <source>This file holds {program} Use it from now on? Your history is kept.</source>
            <translation>Este archivo contiene {program} ¿Usarlo a partir de ahora? Tu historial se conserva.</translation>
        </message>
        <message>
            <source>Done: this is your program from now on.</source>
            <translation>Hecho: desde ahora este es tu programa.</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>No ha cambiado nada.</translation>
        </message>
    </context>
    <context>
        <name>ReminderService</name>
        <message>
            <source>Time for today's exercises, when you are ready.</source>
            <translation>Es la hora de los ejercicios de hoy, cuando quieras.</translation>
        </message>
        <message>
            <source>Open alshome</source>
            <translation>Abrir alshome</translation>
        </message>
    </context>
    <context>
        <name>RestScreen</name>
        <message>
            <source>Rest</source>
            <translation>Descanso</translation>
        </message>
        <message>
            <source>Rest and breathe</source>
            <translation>Descansa y respira</translation>
        </message>
        <message>
            <source>Your rest is longer this time, because you felt very tired.</source>
            <translation>Esta vez el descanso es más largo, porque notaste mucho cansancio.</translation>
        </message>
        <message>
            <source>Skip rest</source>
            <translation>Saltar el descanso</translation>
        </message>
        <message>
            <source>30 seconds more</source>
            <translation>30 segundos más</translation>
        </message>
        <message>
            <source>Makes this rest longer. Take the time you need.</source>
            <translation>Alarga este descanso. Tómate el tiempo que necesites.</translation>
        </message>
        <message>
            <source>set {n} of {total}</source>
            <translation>serie {n} de {total}</translation>
        </message>
        <message>
            <source>Next: {what}</source>
            <translation>Siguiente: {what}</translation>
        </message>
        <message>
            <source>Rest time left {time}</source>
            <translation>Descanso restante {time}</translation>
        </message>
        <message>
            <source>Rest is over. Ready when you are.</source>
            <translation>El descanso ha terminado. Cuando quieras.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <source>Rest for {time}.</source>
            <translation>Descansa {time}.</translation>
        </message>
        <message>
            <source>Press T to hear the time left.</source>
            <translation>Pulsa T para oír el tiempo que queda.</translation>
        </message>
    </context>
    <context>
        <name>SessionAnnouncer</name>
        <message>
            <source>Begin now.</source>
            <translation>Empieza ya.</translation>
        </message>
        <message>
            <source>Rest is over.</source>
            <translation>El descanso ha terminado.</translation>
        </message>
        <message>
            <source>Time is up.</source>
            <translation>Se acabó el tiempo.</translation>
        </message>
        <message>
            <source>Time is up. Press Done when you are ready.</source>
            <translation>Se acabó el tiempo. Pulsa Hecho cuando quieras.</translation>
        </message>
        <message>
            <source>Moving on in {seconds} seconds. Choose Wait to stay.</source>
            <translation>Seguimos en {seconds} segundos. Elige Esperar para quedarte.</translation>
        </message>
        <message>
            <source>Can you still lift this without the weight?</source>
            <translation>¿Aún puedes levantarlo sin el peso?</translation>
        </message>
    </context>
    <context>
        <name>SessionButtons</name>
        <message>
            <source>Pause</source>
            <translation>Pausa</translation>
        </message>
        <message>
            <source>Esc also pauses.</source>
            <translation>Esc también pausa.</translation>
        </message>
        <message>
            <source>I'm tired – stop</source>
            <translation>Me canso – parar</translation>
        </message>
        <message>
            <source>Ends the session. Everything you did is saved.</source>
            <translation>Termina la sesión. Todo lo que hiciste está guardado.</translation>
        </message>
        <message>
            <source>Stops the session and shows what to do next.</source>
            <translation>Para la sesión y muestra qué hacer a continuación.</translation>
        </message>
        <message>
            <source>Something wrong? Choose it to stop safely:</source>
            <translation>¿Algo va mal? Elígelo para parar con seguridad:</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Pace</source>
            <translation>Ritmo</translation>
        </message>
        <message>
            <source>Seeing</source>
            <translation>Vista</translation>
        </message>
        <message>
            <source>Voice and sounds</source>
            <translation>Voz y sonidos</translation>
        </message>
        <message>
            <source>Switch access</source>
            <translation>Acceso por pulsador</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Recordatorios</translation>
        </message>
        <message>
            <source>Move on by itself when a hold or rest ends</source>
            <translation>Seguir solo cuando termina una posición o un descanso</translation>
        </message>
        <message>
            <source>Time to wait before moving on (times)</source>
            <translation>Tiempo de espera antes de seguir (veces)</translation>
        </message>
        <message>
            <source>Get-ready count (seconds)</source>
            <translation>Cuenta para prepararse (segundos)</translation>
        </message>
        <message>
            <source>Text size (%)</source>
            <translation>Tamaño del texto (%)</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>Colores</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Claro</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Oscuro</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>Alto contraste</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Same as the computer</source>
            <translation>El del ordenador</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Español</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>Pantalla completa</translation>
        </message>
        <message>
            <source>Moving pictures of each exercise</source>
            <translation>Imágenes en movimiento de cada ejercicio</translation>
        </message>
        <message>
            <source>Spoken guidance</source>
            <translation>Guía hablada</translation>
        </message>
        <message>
            <source>Speaking speed</source>
            <translation>Velocidad de la voz</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>Volumen</translation>
        </message>
        <message>
            <source>Chime at the start and end of a hold</source>
            <translation>Campanilla al empezar y al terminar una posición</translation>
        </message>
        <message>
            <source>Say the time left</source>
            <translation>Decir el tiempo que queda</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Nunca</translation>
        </message>
        <message>
            <source>Half way and 10 seconds before the end</source>
            <translation>A la mitad y 10 segundos antes del final</translation>
        </message>
        <message>
            <source>Every 10 seconds</source>
            <translation>Cada 10 segundos</translation>
        </message>
        <message>
            <source>Switch scanning</source>
            <translation>Barrido por pulsador</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>No</translation>
        </message>
        <message>
            <source>One switch: the highlight moves by itself</source>
            <translation>Un pulsador: el resaltado avanza solo</translation>
        </message>
        <message>
            <source>Two switches: Space moves, Enter chooses</source>
            <translation>Dos pulsadores: Espacio avanza, Intro elige</translation>
        </message>
        <message>
            <source>Time on each item (seconds)</source>
            <translation>Tiempo en cada elemento (segundos)</translation>
        </message>
        <message>
            <source>Extra time on the first item (seconds)</source>
            <translation>Tiempo extra en el primer elemento (segundos)</translation>
        </message>
        <message>
            <source>Rounds before the highlight rests</source>
            <translation>Vueltas antes de que el resaltado se detenga</translation>
        </message>
        <message>
            <source>Remind me on session days</source>
            <translation>Recordármelo los días de sesión</translation>
        </message>
        <message>
            <source>Reminder time</source>
            <translation>Hora del recordatorio</translation>
        </message>
        <message>
            <source>Session days</source>
            <translation>Días de sesión</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>Lunes</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>Martes</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>Miércoles</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>Jueves</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>Viernes</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>Sábado</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>Domingo</translation>
        </message>
        <message>
            <source>Open alshome when the computer starts</source>
            <translation>Abrir alshome al encender el ordenador</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>Settings</source>
            <translation>Ajustes</translation>
        </message>
        <message>
            <source>Rate how you are doing</source>
            <translation>Valora cómo estás</translation>
        </message>
        <message>
            <source>Twelve short questions on everyday things, for your therapist.</source>
            <translation>Doce preguntas cortas sobre cosas del día a día, para tu terapeuta.</translation>
        </message>
        <message>
            <source>Share with my clinic</source>
            <translation>Compartir con mi clínica</translation>
        </message>
        <message>
            <source>Says what is shared and with whom before anything is.</source>
            <translation>Dice qué se comparte y con quién antes de compartir nada.</translation>
        </message>
        <message>
            <source>Your program and program files</source>
            <translation>Tu programa y archivos de programa</translation>
        </message>
        <message>
            <source>Shows your program and loads a new one from your therapist.</source>
            <translation>Muestra tu programa y carga uno nuevo de tu terapeuta.</translation>
        </message>
        <message>
            <source>Backups of your history</source>
            <translation>Copias de seguridad de tu historial</translation>
        </message>
        <message>
            <source>Shows the backups alshome made, and puts one back.</source>
            <translation>Muestra las copias que hizo alshome y recupera una.</translation>
        </message>
        <message>
            <source>About alshome</source>
            <translation>Acerca de alshome</translation>
        </message>
        <message>
            <source>Its version, what it is and is not, and where your data is.</source>
            <translation>Su versión, lo que es y lo que no es, y dónde están tus datos.</translation>
        </message>
        <message>
            <source>Asks for the passphrase on a page of its own first.</source>
            <translation>Primero pide la frase de contraseña en una página propia.</translation>
        </message>
        <message>
            <source>Delete all my data</source>
            <translation>Borrar todos mis datos</translation>
        </message>
        <message>
            <source>Asks first before deleting anything.</source>
            <translation>Pregunta antes de borrar nada.</translation>
        </message>
        <message>
            <source>Your settings could not be saved, so changes last only until alshome closes.</source>
            <translation>No se pudieron guardar tus ajustes, así que los cambios duran solo hasta que se cierre alshome.</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <source>Goes back to the home screen.</source>
            <translation>Vuelve a la pantalla de inicio.</translation>
        </message>
        <message>
            <source>Try the voice</source>
            <translation>Probar la voz</translation>
        </message>
        <message>
            <source>Says a sentence with the present voice settings.</source>
            <translation>Dice una frase con los ajustes de voz actuales.</translation>
        </message>
        <message>
            <source>Reset to defaults</source>
            <translation>Restablecer</translation>
        </message>
        <message>
            <source>Asks first before changing anything.</source>
            <translation>Pregunta antes de cambiar nada.</translation>
        </message>
        <message>
            <source>Yes, reset</source>
            <translation>Sí, restablecer</translation>
        </message>
        <message>
            <source>No, keep them</source>
            <translation>No, mantenerlos</translation>
        </message>
        <message>
            <source>Put every setting back as it was at the start?</source>
            <translation>¿Volver a poner cada ajuste como estaba al principio?</translation>
        </message>
        <message>
            <source>Text size, colours, voice, switch scanning, reminders and session days all go back to how they were when alshome was new.</source>
            <translation>El tamaño del texto, los colores, la voz, el barrido, los recordatorios y los días de sesión vuelven a como eran al principio.</translation>
        </message>
        <message>
            <source>Yes, delete everything</source>
            <translation>Sí, borrarlo todo</translation>
        </message>
        <message>
            <source>No, keep everything</source>
            <translation>No, mantenerlo todo</translation>
        </message>
        <message>
            <source>Delete all your data?</source>
            <translation>¿Borrar todos tus datos?</translation>
        </message>
        <message>
            <source>Every session, the program, the backups and the settings on this computer are deleted. This cannot be undone.</source>
            <translation>Se borran todas las sesiones, el programa, las copias de seguridad y los ajustes de este ordenador. No se puede deshacer.</translation>
        </message>
        <message>
            <source>Close alshome</source>
            <translation>Cerrar alshome</translation>
        </message>
        <message>
            <source>Your history is kept on a database server, so alshome makes no copies of it: the server's own backups keep it safe.</source>
            <translation>Tu historial se guarda en un servidor de bases de datos, así que alshome no hace copias de él: lo protegen las copias de seguridad del propio servidor.</translation>
        </message>
        <message>
            <source>Your history is kept on a database server, so a passphrase here cannot protect it: the server's own access control does.</source>
            <translation>Tu historial se guarda en un servidor de bases de datos, así que una frase de contraseña aquí no puede protegerlo: lo protege el control de acceso del propio servidor.</translation>
        </message>
        <message>
            <source>Remove the passphrase</source>
            <translation>Quitar la frase de contraseña</translation>
        </message>
        <message>
            <source>Protect the history with a passphrase</source>
            <translation>Proteger el historial con una frase de contraseña</translation>
        </message>
        <message>
            <source>The language changes the next time alshome opens.</source>
            <translation>El idioma cambia la próxima vez que se abra alshome.</translation>
        </message>
        <message>
            <source>All your data was deleted. alshome will close now.</source>
            <translation>Se han borrado todos tus datos. alshome se cerrará ahora.</translation>
        </message>
        <message>
            <source>Some of your data could not be deleted and is still on this computer. alshome will close now.</source>
            <translation>Algunos de tus datos no se pudieron borrar y siguen en este ordenador. alshome se cerrará ahora.</translation>
        </message>
    </context>
    <context>
        <name>ShareScreen</name>
        <message>
            <source>Share with my clinic</source>
            <translation>Compartir con mi clínica</translation>
        </message>
        <message>
            <source>Your clinic's own server gets a copy of your sessions, sets, fatigue ratings, symptoms, safety checks, ALSFRS-R ratings and the program you use. Only your therapist and the clinic see them. New records follow on their own when there is a connection.</source>
            <translation>El servidor propio de tu clínica recibe una copia de tus sesiones, series, valoraciones de cansancio, síntomas, comprobaciones de seguridad, valoraciones ALSFRS-R y el programa que usas. Solo los ven tu terapeuta y la clínica. Lo nuevo se envía solo cuando hay conexión.</translation>
        </message>
        <message>
            <source>Your clinic's address</source>
            <translation>La dirección de tu clínica</translation>
        </message>
        <message>
            <source>As your clinic wrote it down for you, such as https://clinic.example.</source>
            <translation>Tal como te la anotó tu clínica, por ejemplo https://clinic.example.</translation>
        </message>
        <message>
            <source>The code from your therapist</source>
            <translation>El código de tu terapeuta</translation>
        </message>
        <message>
            <source>Eight letters and digits; it works once, for a day.</source>
            <translation>Ocho letras y números; sirve una vez, durante un día.</translation>
        </message>
        <message>
            <source>Start sharing</source>
            <translation>Empezar a compartir</translation>
        </message>
        <message>
            <source>Connects to your clinic with the code.</source>
            <translation>Se conecta con tu clínica usando el código.</translation>
        </message>
        <message>
            <source>Send now</source>
            <translation>Enviar ahora</translation>
        </message>
        <message>
            <source>Sends what is waiting, in the background.</source>
            <translation>Envía lo pendiente, en segundo plano.</translation>
        </message>
        <message>
            <source>Stop sharing</source>
            <translation>Dejar de compartir</translation>
        </message>
        <message>
            <source>Asks first; nothing stops until you say yes.</source>
            <translation>Pregunta antes; nada se detiene hasta que digas que sí.</translation>
        </message>
        <message>
            <source>Yes, stop sharing</source>
            <translation>Sí, dejar de compartir</translation>
        </message>
        <message>
            <source>Your clinic keeps what it has; nothing new is sent.</source>
            <translation>Tu clínica conserva lo que tiene; no se envía nada nuevo.</translation>
        </message>
        <message>
            <source>Keep sharing</source>
            <translation>Seguir compartiendo</translation>
        </message>
        <message>
            <source>Nothing changes.</source>
            <translation>No cambia nada.</translation>
        </message>
        <message>
            <source>Look at it first</source>
            <translation>Verlo primero</translation>
        </message>
        <message>
            <source>Shows each exercise of the new program; nothing changes.</source>
            <translation>Muestra cada ejercicio del programa nuevo; no cambia nada.</translation>
        </message>
        <message>
            <source>Use it from now on</source>
            <translation>Usarlo desde ahora</translation>
        </message>
        <message>
            <source>Your program until now is kept in your history.</source>
            <translation>Tu programa de hasta ahora se conserva en tu historial.</translation>
        </message>
        <message>
            <source>Keep my program</source>
            <translation>Seguir con el mío</translation>
        </message>
        <message>
            <source>The new program is not offered again.</source>
            <translation>El programa nuevo no se vuelve a ofrecer.</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Goes back to the home screen.</source>
            <translation>Vuelve a la pantalla de inicio.</translation>
        </message>
        <message>
            <source>Stop sharing with your clinic?</source>
            <translation>¿Dejar de compartir con tu clínica?</translation>
        </message>
        <message>
            <source>Your clinic keeps what it has and gets nothing new. To share again you will need a new code from your therapist.</source>
            <translation>Tu clínica conserva lo que tiene y no recibe nada nuevo. Para volver a compartir necesitarás un código nuevo de tu terapeuta.</translation>
        </message>
        <message>
            <source>Your clinic sent a new program</source>
            <translation>Programa nuevo de tu clínica</translation>
        </message>
        <message>
            <source>Shared with my clinic</source>
            <translation>Compartido con mi clínica</translation>
        </message>
        <message>
            <source>{name}, version {version}</source>
            <translation>{name}, versión {version}</translation>
        </message>
        <message>
            <source>New: {exercise}</source>
            <translation>Nuevo: {exercise}</translation>
        </message>
        <message>
            <source>No longer: {exercise}</source>
            <translation>Ya no está: {exercise}</translation>
        </message>
        <message>
            <source>Changed: {exercise}</source>
            <translation>Cambiado: {exercise}</translation>
        </message>
        <message>
            <source>Sessions a week: {count}</source>
            <translation>Sesiones a la semana: {count}</translation>
        </message>
        <message>
            <source>The exercises are the same.</source>
            <translation>Los ejercicios son los mismos.</translation>
        </message>
        <message>
            <source>Do you want to use it from now on?</source>
            <translation>¿Quieres usarlo a partir de ahora?</translation>
        </message>
        <message>
            <source>Type your clinic's address and the code first.</source>
            <translation>Escribe primero la dirección de tu clínica y el código.</translation>
        </message>
        <message>
            <source>Connecting to your clinic…</source>
            <translation>Conectando con tu clínica…</translation>
        </message>
        <message>
            <source>Sending in the background. You can go on.</source>
            <translation>Enviando en segundo plano. Puedes seguir.</translation>
        </message>
        <message>
            <source>Stopped here. The clinic could not be told: ask it to stop accepting this computer.</source>
            <translation>Se ha dejado de compartir aquí. No se pudo avisar a la clínica: pídele que deje de aceptar este ordenador.</translation>
        </message>
        <message>
            <source>{exercise}: {target}, {sets} sets</source>
            <translation>{exercise}: {target}, {sets} series</translation>
        </message>
    </context>
    <context>
        <name>Silence</name>
        <message>
            <source>Spoken guidance is off because this computer has no speech engine; installing speech-dispatcher with espeak-ng brings the voice back.</source>
            <translation>La guía hablada está apagada porque este ordenador no tiene motor de voz; si instalas speech-dispatcher con espeak-ng, vuelve la voz.</translation>
        </message>
        <message>
            <source>The chime is off because alshome finds no speakers or headphones on this computer; connecting some brings it back.</source>
            <translation>La campanilla está apagada porque alshome no encuentra altavoces ni auriculares en este ordenador; si conectas unos, vuelve a sonar.</translation>
        </message>
        <message>
            <source>Spoken guidance and the chime are off because alshome finds no speakers or headphones on this computer; connecting some and restarting the computer brings them back.</source>
            <translation>La guía hablada y la campanilla están apagadas porque alshome no encuentra altavoces ni auriculares en este ordenador; si conectas unos y reinicias el ordenador, vuelven.</translation>
        </message>
        <message>
            <source>Spoken guidance is off because the speech engine on this computer reported an error; restarting the computer usually brings the voice back.</source>
            <translation>La guía hablada está apagada porque el motor de voz de este ordenador ha dado un error; si reinicias el ordenador, la voz suele volver.</translation>
        </message>
        <message>
            <source>Spoken guidance is off because the speech engine on this computer stopped answering; restarting the computer usually brings the voice back.</source>
            <translation>La guía hablada está apagada porque el motor de voz de este ordenador ha dejado de responder; si reinicias el ordenador, la voz suele volver.</translation>
        </message>
        <message>
            <source>Spoken guidance and the chime are off because this computer has no sound system (the PulseAudio library libpulse0 is missing); installing it brings them back.</source>
            <translation>La guía hablada y la campanilla están apagadas porque este ordenador no tiene sistema de sonido (falta la biblioteca de PulseAudio libpulse0); si la instalas, vuelven.</translation>
        </message>
        <message>
            <source>Spoken guidance and the chime are off because a file they need is missing on this computer ({file}); installing the package that holds it, or reinstalling alshome, brings them back.</source>
            <translation>La guía hablada y la campanilla están apagadas porque falta en este ordenador un archivo que necesitan ({file}); si instalas el paquete que lo contiene, o vuelves a instalar alshome, vuelven.</translation>
        </message>
        <message>
            <source>Spoken guidance is off because a file it needs is missing on this computer ({file}); installing the package that holds it, or reinstalling alshome, brings the voice back.</source>
            <translation>La guía hablada está apagada porque falta en este ordenador un archivo que necesita ({file}); si instalas el paquete que lo contiene, o vuelves a instalar alshome, vuelve la voz.</translation>
        </message>
    </context>
    <context>
        <name>SingleInstance</name>
        <message>
            <source>alshome is already open but is not answering. Close it, or restart the computer, then open alshome again.</source>
            <translation>alshome ya está abierto pero no responde. Ciérralo, o reinicia el ordenador, y vuelve a abrir alshome.</translation>
        </message>
    </context>
    <context>
        <name>Stepper</name>
        <message>
            <source>Earlier</source>
            <translation>Antes</translation>
        </message>
        <message>
            <source>{name}: earlier</source>
            <translation>{name}: antes</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Después</translation>
        </message>
        <message>
            <source>{name}: later</source>
            <translation>{name}: después</translation>
        </message>
        <message>
            <source>Now {value}</source>
            <translation>Ahora {value}</translation>
        </message>
    </context>
    <context>
        <name>StepperRow</name>
        <message>
            <source>Less</source>
            <translation>Menos</translation>
        </message>
        <message>
            <source>{name}: less</source>
            <translation>{name}: menos</translation>
        </message>
        <message>
            <source>More</source>
            <translation>Más</translation>
        </message>
        <message>
            <source>{name}: more</source>
            <translation>{name}: más</translation>
        </message>
    </context>
    <context>
        <name>StopSafelyScreen</name>
        <message>
            <source>Stop and rest</source>
            <translation>Para y descansa</translation>
        </message>
        <message>
            <source>Stop and rest now</source>
            <translation>Para y descansa ahora</translation>
        </message>
        <message>
            <source>Sit or lie down in a comfortable position and breathe slowly. Let someone near you know how you feel. Your session is saved.</source>
            <translation>Siéntate o túmbate en una postura cómoda y respira despacio. Dile a alguien cercano cómo te sientes. Tu sesión está guardada.</translation>
        </message>
        <message>
            <source>If it does not ease, or you are worried, contact your therapist:</source>
            <translation>Si no mejora, o te preocupa, contacta con tu terapeuta:</translation>
        </message>
        <message>
            <source>If you feel very unwell, call your local emergency number.</source>
            <translation>Si te encuentras muy mal, llama al número de emergencias de tu zona.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <source>You told us: {symptoms}.</source>
            <translation>Nos dijiste: {symptoms}.</translation>
        </message>
        <message>
            <source>Ask your therapist to add their contact details to your program.</source>
            <translation>Pide a tu terapeuta que añada sus datos de contacto a tu programa.</translation>
        </message>
    </context>
    <context>
        <name>SummaryScreen</name>
        <message>
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <source>Everything is saved.</source>
            <translation>Todo está guardado.</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Terminar</translation>
        </message>
        <message>
            <source>Good work today</source>
            <translation>Buen trabajo hoy</translation>
        </message>
        <message>
            <source>Well done for listening to your body</source>
            <translation>Bien hecho por escuchar a tu cuerpo</translation>
        </message>
        <message>
            <source>Session {status}.</source>
            <translation>Sesión {status}.</translation>
        </message>
        <message>
            <source>Sets done: {done} of {planned}.</source>
            <translation>Series hechas: {done} de {planned}.</translation>
        </message>
        <message>
            <source>Time: {duration}.</source>
            <translation>Tiempo: {duration}.</translation>
        </message>
        <message>
            <source>Highest tiredness: {rating} of 10 ({word}).</source>
            <translation>Cansancio máximo: {rating} de 10 ({word}).</translation>
        </message>
    </context>
    <context>
        <name>UnfinishedScreen</name>
        <message>
            <source>Your last session</source>
            <translation>Tu última sesión</translation>
        </message>
        <message>
            <source>Your last session stopped early</source>
            <translation>Tu última sesión se paró antes de tiempo</translation>
        </message>
        <message>
            <source>Carry on where it stopped?</source>
            <translation>¿Seguir donde se paró?</translation>
        </message>
        <message>
            <source>Carry on</source>
            <translation>Seguir</translation>
        </message>
        <message>
            <source>Goes on with the next set.</source>
            <translation>Sigue con la siguiente serie.</translation>
        </message>
        <message>
            <source>No, close it</source>
            <translation>No, cerrarla</translation>
        </message>
        <message>
            <source>Keeps the sets already done and ends that session.</source>
            <translation>Conserva las series ya hechas y termina esa sesión.</translation>
        </message>
        <message>
            <source>{program}, started at {time}, stopped before the end. {saved} of its {planned} sets were done, and they are saved.</source>
            <translation>{program}, empezada a las {time}, se paró antes del final. Se hicieron {saved} de sus {planned} series, y están guardadas.</translation>
        </message>
        <message>
            <source>{program}, started at {time}, stopped before its first set ended.</source>
            <translation>{program}, empezada a las {time}, se paró antes de que terminara su primera serie.</translation>
        </message>
    </context>
    <context>
        <name>VoiceGuide</name>
        <message>
            <source>This is how I sound.</source>
            <translation>Así suena mi voz.</translation>
        </message>
        <message>
            <source>{exercise}. Can you still lift this without the weight?</source>
            <translation>{exercise}. ¿Aún puedes levantarlo sin el peso?</translation>
        </message>
        <message>
            <source>Start.</source>
            <translation>Empieza.</translation>
        </message>
        <message>
            <source>Time is up. Press Done when you are ready.</source>
            <translation>Se acabó el tiempo. Pulsa Hecho cuando quieras.</translation>
        </message>
        <message>
            <source>Time is up.</source>
            <translation>Se acabó el tiempo.</translation>
        </message>
        <message>
            <source>How tired are your muscles? Choose 0 to 10.</source>
            <translation>¿Cuánto cansancio notas en los músculos? Elige de 0 a 10.</translation>
        </message>
        <message>
            <source>Rest.</source>
            <translation>Descansa.</translation>
        </message>
        <message>
            <source>Rest is over. Start the next set when you are ready.</source>
            <translation>El descanso ha terminado. Empieza la siguiente serie cuando quieras.</translation>
        </message>
        <message>
            <source>Rest is over.</source>
            <translation>El descanso ha terminado.</translation>
        </message>
        <message>
            <source>Paused.</source>
            <translation>En pausa.</translation>
        </message>
        <message>
            <source>Stop and rest now. If it does not ease, or you are worried, contact your therapist.</source>
            <translation>Para y descansa ahora. Si no mejora, o te preocupa, contacta con tu terapeuta.</translation>
        </message>
        <message>
            <source>Well done.</source>
            <translation>Bien hecho.</translation>
        </message>
        <message>
            <source>Thank you. Well done for listening to your body.</source>
            <translation>Gracias. Bien hecho por escuchar a tu cuerpo.</translation>
        </message>
        <message>
            <source>Set {n} of {total}</source>
            <translation>Serie {n} de {total}</translation>
        </message>
        <message>
            <source>For your helper: {instruction}</source>
            <translation>Para tu ayudante: {instruction}</translation>
        </message>
        <message>
            <source>{n} seconds left</source>
            <translation>Quedan {n} segundos</translation>
        </message>
        <message>
            <source>{minutes} left</source>
            <translation>Quedan {minutes}</translation>
        </message>
        <message>
            <source>{minutes} and {n} seconds left</source>
            <translation>Quedan {minutes} y {n} segundos</translation>
        </message>
    </context>
    <context>
        <name>WhoMoves</name>
        <message>
            <source>You alone</source>
            <translation>Sin ayuda</translation>
        </message>
        <message>
            <source>With help</source>
            <translation>Con ayuda</translation>
        </message>
        <message>
            <source>Your helper moves it</source>
            <translation>Te lo mueven</translation>
        </message>
        <message>
            <source>Who moves: {who}</source>
            <translation>Quién mueve: {who}</translation>
        </message>
    </context>
    <context>
        <name>Words</name>
        <message>
            <source>Not tired</source>
            <translation>Nada</translation>
        </message>
        <message>
            <source>Barely</source>
            <translation>Apenas</translation>
        </message>
        <message>
            <source>A little</source>
            <translation>Poco</translation>
        </message>
        <message>
            <source>Some</source>
            <translation>Algo</translation>
        </message>
        <message>
            <source>Fairly tired</source>
            <translation>Medio</translation>
        </message>
        <message>
            <source>Clearly tired</source>
            <translation>Notable</translation>
        </message>
        <message>
            <source>Quite tired</source>
            <translation>Mucho</translation>
        </message>
        <message>
            <source>Very tired</source>
            <translation>Muy alto</translation>
        </message>
        <message>
            <source>Heavy</source>
            <translation>Fuerte</translation>
        </message>
        <message>
            <source>Very heavy</source>
            <translation>Muy fuerte</translation>
        </message>
        <message>
            <source>Cannot go on</source>
            <translation>Máximo</translation>
        </message>
        <message>
            <source>Cramp</source>
            <translation>Calambre</translation>
        </message>
        <message>
            <source>Pain</source>
            <translation>Dolor</translation>
        </message>
        <message>
            <source>Short of breath</source>
            <translation>Falta de aire</translation>
        </message>
        <message>
            <source>Dizzy or unwell</source>
            <translation>Mareo o malestar</translation>
        </message>
        <message>
            <source>Left side</source>
            <translation>Izquierda</translation>
        </message>
        <message>
            <source>Right side</source>
            <translation>Derecha</translation>
        </message>
        <message>
            <source>Stretch done by your helper</source>
            <translation>Estiramiento que hace tu ayudante</translation>
        </message>
        <message>
            <source>Range of motion</source>
            <translation>Amplitud de movimiento</translation>
        </message>
        <message>
            <source>Light strengthening</source>
            <translation>Fortalecimiento suave</translation>
        </message>
        <message>
            <source>Mini-cycle</source>
            <translation>Minibicicleta</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>completada</translation>
        </message>
        <message>
            <source>stopped when tired</source>
            <translation>parada por cansancio</translation>
        </message>
        <message>
            <source>stopped for a symptom</source>
            <translation>parada por un síntoma</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>interrumpida</translation>
        </message>
        <message>
            <source>not finished</source>
            <translation>sin terminar</translation>
        </message>
        <message>
            <source>under a minute</source>
            <translation>menos de un minuto</translation>
        </message>
        <message>
            <source>1 minute</source>
            <translation>1 minuto</translation>
        </message>
        <message>
            <source>{n} minutes</source>
            <translation>{n} minutos</translation>
        </message>
        <message>
            <source>1 second</source>
            <translation>1 segundo</translation>
        </message>
        <message>
            <source>{n} seconds</source>
            <translation>{n} segundos</translation>
        </message>
        <message>
            <source>{n} %</source>
            <translation>{n} %</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Normal</translation>
        </message>
        <message>
            <source>{n} % faster</source>
            <translation>{n} % más rápida</translation>
        </message>
        <message>
            <source>{n} % slower</source>
            <translation>{n} % más lenta</translation>
        </message>
        <message>
            <source>× {n}</source>
            <translation>× {n}</translation>
        </message>
        <message>
            <source>Hold {n} seconds</source>
            <translation>Mantener {n} segundos</translation>
        </message>
        <message>
            <source>once</source>
            <translation>una vez</translation>
        </message>
        <message>
            <source>{n} times</source>
            <translation>{n} veces</translation>
        </message>
        <message>
            <source>{times} with {load}</source>
            <translation>{times} con {load}</translation>
        </message>
    </context>
    <context>
        <name>Alsfrs</name>
        <message>
            <source>Speech</source>
            <translation>Habla</translation>
        </message>
        <message>
            <source>Not by voice</source>
            <translation>No por la voz</translation>
        </message>
        <message>
            <source>Mostly other ways</source>
            <translation>Sobre todo de otras formas</translation>
        </message>
        <message>
            <source>Much harder to follow</source>
            <translation>Mucho más difícil de entender</translation>
        </message>
        <message>
            <source>A little changed</source>
            <translation>Un poco cambiada</translation>
        </message>
        <message>
            <source>As before</source>
            <translation>Como antes</translation>
        </message>
        <message>
            <source>Saliva</source>
            <translation>Saliva</translation>
        </message>
        <message>
            <source>Drooling all the time</source>
            <translation>Babeo todo el tiempo</translation>
        </message>
        <message>
            <source>A lot, some drooling</source>
            <translation>Mucha, algo de babeo</translation>
        </message>
        <message>
            <source>Clearly more</source>
            <translation>Claramente más</translation>
        </message>
        <message>
            <source>A little more</source>
            <translation>Un poco más</translation>
        </message>
        <message>
            <source>Swallowing</source>
            <translation>Tragar</translation>
        </message>
        <message>
            <source>Tube feeding only</source>
            <translation>Solo alimentación por sonda</translation>
        </message>
        <message>
            <source>Tube feeding as well</source>
            <translation>También por sonda</translation>
        </message>
        <message>
            <source>Softer food needed</source>
            <translation>Hace falta comida más blanda</translation>
        </message>
        <message>
            <source>A little harder</source>
            <translation>Un poco más difícil</translation>
        </message>
        <message>
            <source>Handwriting</source>
            <translation>Escritura a mano</translation>
        </message>
        <message>
            <source>Cannot hold a pen</source>
            <translation>No puedo sujetar un bolígrafo</translation>
        </message>
        <message>
            <source>Hold a pen, cannot write</source>
            <translation>Sujeto el bolígrafo, no escribo</translation>
        </message>
        <message>
            <source>Some words unreadable</source>
            <translation>Algunas palabras no se leen</translation>
        </message>
        <message>
            <source>A little slower</source>
            <translation>Un poco más lento</translation>
        </message>
        <message>
            <source>Cutting food and using utensils</source>
            <translation>Cortar la comida y usar cubiertos</translation>
        </message>
        <message>
            <source>Others feed me</source>
            <translation>Otros me dan de comer</translation>
        </message>
        <message>
            <source>Others cut for me</source>
            <translation>Otros me la cortan</translation>
        </message>
        <message>
            <source>Slower, some help</source>
            <translation>Más lento, algo de ayuda</translation>
        </message>
        <message>
            <source>Dressing and washing</source>
            <translation>Vestirse y asearse</translation>
        </message>
        <message>
            <source>Fully helped</source>
            <translation>Ayuda completa</translation>
        </message>
        <message>
            <source>Much help</source>
            <translation>Mucha ayuda</translation>
        </message>
        <message>
            <source>Some help or aids</source>
            <translation>Algo de ayuda o ayudas técnicas</translation>
        </message>
        <message>
            <source>Alone, more effort</source>
            <translation>Sin ayuda, con más esfuerzo</translation>
        </message>
        <message>
            <source>Turning in bed</source>
            <translation>Girarse en la cama</translation>
        </message>
        <message>
            <source>Need full help</source>
            <translation>Necesito ayuda completa</translation>
        </message>
        <message>
            <source>Start alone, need help</source>
            <translation>Empiezo sin ayuda, luego la necesito</translation>
        </message>
        <message>
            <source>Alone, great effort</source>
            <translation>Sin ayuda, con gran esfuerzo</translation>
        </message>
        <message>
            <source>Walking</source>
            <translation>Caminar</translation>
        </message>
        <message>
            <source>Legs do not help</source>
            <translation>Las piernas no ayudan</translation>
        </message>
        <message>
            <source>Transfers only</source>
            <translation>Solo traslados</translation>
        </message>
        <message>
            <source>With a stick or frame</source>
            <translation>Con bastón o andador</translation>
        </message>
        <message>
            <source>Climbing stairs</source>
            <translation>Subir escaleras</translation>
        </message>
        <message>
            <source>Not at all</source>
            <translation>Nada en absoluto</translation>
        </message>
        <message>
            <source>Only with help</source>
            <translation>Solo con ayuda</translation>
        </message>
        <message>
            <source>Unsteady or tiring</source>
            <translation>Inestable o con cansancio</translation>
        </message>
        <message>
            <source>Slower</source>
            <translation>Más lento</translation>
        </message>
        <message>
            <source>Breathlessness</source>
            <translation>Falta de aire</translation>
        </message>
        <message>
            <source>Very hard, help considered</source>
            <translation>Muy difícil, se piensa en ayuda</translation>
        </message>
        <message>
            <source>Even at rest</source>
            <translation>Incluso en reposo</translation>
        </message>
        <message>
            <source>With daily tasks</source>
            <translation>Con las tareas diarias</translation>
        </message>
        <message>
            <source>When walking</source>
            <translation>Al caminar</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Nunca</translation>
        </message>
        <message>
            <source>Breathless lying flat</source>
            <translation>Falta de aire al tumbarse</translation>
        </message>
        <message>
            <source>Cannot sleep for it</source>
            <translation>No puedo dormir por ello</translation>
        </message>
        <message>
            <source>Only sitting up</source>
            <translation>Solo si me incorporo</translation>
        </message>
        <message>
            <source>Need extra pillows</source>
            <translation>Necesito más almohadas</translation>
        </message>
        <message>
            <source>Some nights</source>
            <translation>Algunas noches</translation>
        </message>
        <message>
            <source>Breathing support</source>
            <translation>Ayuda para respirar</translation>
        </message>
        <message>
            <source>Invasive ventilation</source>
            <translation>Ventilación invasiva</translation>
        </message>
        <message>
            <source>Night and day</source>
            <translation>Noche y día</translation>
        </message>
        <message>
            <source>All night</source>
            <translation>Toda la noche</translation>
        </message>
        <message>
            <source>Sometimes</source>
            <translation>A veces</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Ninguna</translation>
        </message>
    </context>
    <context>
        <name>Attention</name>
        <message>
            <source>Stopped a session for {symptoms} on {day}.</source>
            <translation>Paró una sesión por {symptoms} el {day}.</translation>
        </message>
        <message>
            <source>Could no longer lift {exercise} without the weight ({day}).</source>
            <translation>Ya no podía levantar {exercise} sin el peso ({day}).</translation>
        </message>
        <message>
            <source>No session for {days} days, since {day}; the weekly target allows {allowed} days between sessions.</source>
            <translation>Ninguna sesión en {days} días, desde el {day}; el objetivo semanal permite {allowed} días entre sesiones.</translation>
        </message>
        <message>
            <source>Still tired or sore from the session before, {count} times in a row.</source>
            <translation>Aún cansado o dolorido por la sesión anterior, {count} veces seguidas.</translation>
        </message>
        <message>
            <source>Highest tiredness rising over four weeks, from about {before} to about {after}.</source>
            <translation>El cansancio máximo sube en cuatro semanas, de unos {before} a unos {after}.</translation>
        </message>
        <message>
            <source>ALSFRS-R falling by {amount} points a month since {day}, faster than the clinic's {limit}.</source>
            <translation>ALSFRS-R baja {amount} puntos al mes desde el {day}, más rápido que el límite de la clínica, {limit}.</translation>
        </message>
        <message>
            <source>{domain} down {amount} points, from {before} to {after}, on {day}.</source>
            <translation>{domain}: baja {amount} puntos, de {before} a {after}, el {day}.</translation>
        </message>
        <message>
            <source>Program unchanged for {days} days, since {day}; the clinic reviews after {limit} days.</source>
            <translation>Programa sin cambios en {days} días, desde el {day}; la clínica lo revisa a los {limit} días.</translation>
        </message>
        <message>
            <source>No session yet in the {days} days since the program was given on {day}; the weekly target allows {allowed} days between sessions.</source>
            <translation>Ninguna sesión aún en los {days} días desde que se entregó el programa el {day}; el objetivo semanal permite {allowed} días entre sesiones.</translation>
        </message>
        <message>
            <source>a symptom</source>
            <translation>un síntoma</translation>
        </message>
        <message>
            <source>{first} and {last}</source>
            <translation>{first} y {last}</translation>
        </message>
        <message>
            <source>cramp</source>
            <translation>calambre</translation>
        </message>
        <message>
            <source>pain</source>
            <translation>dolor</translation>
        </message>
        <message>
            <source>shortness of breath</source>
            <translation>falta de aire</translation>
        </message>
        <message>
            <source>dizziness</source>
            <translation>mareo</translation>
        </message>
        <message>
            <source>Speech and swallowing</source>
            <translation>Habla y tragar</translation>
        </message>
        <message>
            <source>Hands</source>
            <translation>Manos</translation>
        </message>
        <message>
            <source>Walking and turning</source>
            <translation>Caminar y girarse</translation>
        </message>
        <message>
            <source>Breathing</source>
            <translation>Respiración</translation>
        </message>
    </context>
    <context>
        <name>Programs</name>
        <message>
            <source>Example home program</source>
            <translation>Programa de ejemplo para casa</translation>
        </message>
        <message>
            <source>This is an example for your therapist to adapt. It is not a prescription: do these exercises only as your therapist advises.</source>
            <translation>Es un ejemplo para que tu terapeuta lo adapte. No es una prescripción: haz estos ejercicios solo como te indique tu terapeuta.</translation>
        </message>
        <message>
            <source>Do the two stretches only today, and leave out the weights and the cycle.</source>
            <translation>Hoy haz solo los dos estiramientos, y deja los pesos y la bicicleta.</translation>
        </message>
        <message>
            <source>Moderate aerobic exercise twice a week (example from NCT03326622)</source>
            <translation>Ejercicio aeróbico moderado dos veces por semana (ejemplo de NCT03326622)</translation>
        </message>
        <message>
            <source>Example for your therapist to adapt, based on the exercise group of NCT03326622 (Braga et al. 2018, Neurology Research International, article 8218697). Not a prescription. In that study people with ALS did moderate aerobic exercise twice a week for six months, at an intensity set for each person from a breathing and heart test during exercise. Without that test, keep to an easy pace at which you can talk in short sentences, and let your therapist set the resistance.</source>
            <translation>Ejemplo para que tu terapeuta lo adapte, basado en el grupo de ejercicio de NCT03326622 (Braga et al. 2018, Neurology Research International, artículo 8218697). No es una prescripción. En ese estudio, personas con ELA hicieron ejercicio aeróbico moderado dos veces por semana durante seis meses, con una intensidad fijada para cada persona a partir de una prueba de respiración y corazón durante el ejercicio. Sin esa prueba, mantén un ritmo suave al que puedas hablar con frases cortas, y deja que tu terapeuta fije la resistencia.</translation>
        </message>
        <message>
            <source>Do one bout only today, at the lightest resistance.</source>
            <translation>Hoy haz solo una tanda, con la resistencia más ligera.</translation>
        </message>
        <message>
            <source>Endurance on the mini-cycle (example from the 2018 home trial)</source>
            <translation>Resistencia en la minibicicleta (ejemplo del ensayo en casa de 2018)</translation>
        </message>
        <message>
            <source>Example for your therapist to adapt, based on the endurance arm of the 2018 home exercise trial in ALS (Clawson et al. 2018, Amyotrophic Lateral Sclerosis and Frontotemporal Degeneration 19(3-4):250-258; NCT01521728). Not a prescription. In the trial a physical therapist designed each person's program: a mini-cycle pedalled with the legs from a chair or wheelchair, then put on a table and turned with the arms. Keep to an easy pace at which you can talk in short sentences. The three sessions a week are a reported summary, not checked against the paper.</source>
            <translation>Ejemplo para que tu terapeuta lo adapte, basado en el grupo de resistencia aeróbica del ensayo de ejercicio en casa de 2018 en ELA (Clawson et al. 2018, Amyotrophic Lateral Sclerosis and Frontotemporal Degeneration 19(3-4):250-258; NCT01521728). No es una prescripción. En el ensayo, un fisioterapeuta diseñó el programa de cada persona: una minibicicleta pedaleada con las piernas desde una silla o silla de ruedas, y luego puesta sobre una mesa y movida con los brazos. Mantén un ritmo suave al que puedas hablar con frases cortas. Las tres sesiones por semana son un resumen publicado, no comprobado con el artículo.</translation>
        </message>
        <message>
            <source>Pedal with the legs for one short bout only today, and leave out the arms.</source>
            <translation>Hoy pedalea con las piernas solo una tanda corta, y deja los brazos.</translation>
        </message>
        <message>
            <source>Light resistance with cuff weights (example from the 2018 home trial)</source>
            <translation>Resistencia ligera con tobilleras y muñequeras lastradas (ejemplo del ensayo en casa de 2018)</translation>
        </message>
        <message>
            <source>Example for your therapist to adapt, based on the resistance arm of the 2018 home exercise trial in ALS (Clawson et al. 2018, Amyotrophic Lateral Sclerosis and Frontotemporal Degeneration 19(3-4):250-258; NCT01521728). Not a prescription. In the trial a physical therapist designed each person's program, with cuff weights for the arms and for lifting the knee, and weights for bending and straightening the knee. Use a weight only for a muscle that can lift against gravity without it; the loads here are a light start for your therapist to set. The three sessions a week are a reported summary, not checked against the paper.</source>
            <translation>Ejemplo para que tu terapeuta lo adapte, basado en el grupo de fuerza del ensayo de ejercicio en casa de 2018 en ELA (Clawson et al. 2018, Amyotrophic Lateral Sclerosis and Frontotemporal Degeneration 19(3-4):250-258; NCT01521728). No es una prescripción. En el ensayo, un fisioterapeuta diseñó el programa de cada persona, con pesos de velcro para los brazos y para levantar la rodilla, y pesos para doblar y estirar la rodilla. Usa un peso solo en un músculo que pueda levantar contra la gravedad sin él; las cargas de aquí son un comienzo ligero para que tu terapeuta las ajuste. Las tres sesiones por semana son un resumen publicado, no comprobado con el artículo.</translation>
        </message>
        <message>
            <source>Leave out the weights today and do each movement once or twice without them.</source>
            <translation>Hoy deja los pesos y haz cada movimiento una o dos veces sin ellos.</translation>
        </message>
        <message>
            <source>Stretching and range of motion (example from the 2018 home trial)</source>
            <translation>Estiramientos y amplitud de movimiento (ejemplo del ensayo en casa de 2018)</translation>
        </message>
        <message>
            <source>Example for your therapist to adapt, based on the stretching and range-of-motion arm of the 2018 home exercise trial in ALS (Clawson et al. 2018, Amyotrophic Lateral Sclerosis and Frontotemporal Degeneration 19(3-4):250-258; NCT01521728). Not a prescription. In the trial a physical therapist designed each person's program, and a partner did the stretches while the person relaxed. The 30-second holds and three sessions a week are a reported summary, not checked against the paper.</source>
            <translation>Ejemplo para que tu terapeuta lo adapte, basado en el grupo de estiramientos y amplitud de movimiento del ensayo de ejercicio en casa de 2018 en ELA (Clawson et al. 2018, Amyotrophic Lateral Sclerosis and Frontotemporal Degeneration 19(3-4):250-258; NCT01521728). No es una prescripción. En el ensayo, un fisioterapeuta diseñó el programa de cada persona, y un acompañante hacía los estiramientos mientras la persona se relajaba. Las posiciones de 30 segundos y las tres sesiones por semana son un resumen publicado, no comprobado con el artículo.</translation>
        </message>
        <message>
            <source>Do the leg stretches only today, and leave out the arms and the movements.</source>
            <translation>Hoy haz solo los estiramientos de piernas, y deja los brazos y los movimientos.</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>(no name given)</source>
            <translation>(sin nombre)</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programa</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versión</translation>
        </message>
        <message>
            <source>Target a week</source>
            <translation>Objetivo semanal</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sesiones</translation>
        </message>
        <message>
            <source>still tired</source>
            <translation>sigue con cansancio</translation>
        </message>
        <message>
            <source>still sore</source>
            <translation>sigue con molestias</translation>
        </message>
        <message>
            <source>patient</source>
            <translation>paciente</translation>
        </message>
        <message>
            <source>caregiver</source>
            <translation>cuidador</translation>
        </message>
        <message>
            <source>clinician</source>
            <translation>profesional clínico</translation>
        </message>
        <message>
            <source>Speech and swallowing</source>
            <translation>Habla y tragar</translation>
        </message>
        <message>
            <source>Hands</source>
            <translation>Manos</translation>
        </message>
        <message>
            <source>Walking and turning</source>
            <translation>Caminar y girarse</translation>
        </message>
        <message>
            <source>Breathing</source>
            <translation>Respiración</translation>
        </message>
        <message>
            <source>slow</source>
            <translation>lenta</translation>
        </message>
        <message>
            <source>intermediate</source>
            <translation>intermedia</translation>
        </message>
        <message>
            <source>fast</source>
            <translation>rápida</translation>
        </message>
        <message>
            <source>A change per month needs ratings on two different days.</source>
            <translation>Un cambio al mes necesita valoraciones de dos días distintos.</translation>
        </message>
        <message>
            <source>alone {n}</source>
            <translation>sin ayuda {n}</translation>
        </message>
        <message>
            <source>helped {n}</source>
            <translation>con ayuda {n}</translation>
        </message>
        <message>
            <source>by the caregiver {n}</source>
            <translation>por el cuidador {n}</translation>
        </message>
        <message>
            <source>How soon</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Por qué</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Registros</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Cifra</translation>
        </message>
        <message>
            <source>In this period</source>
            <translation>En este periodo</translation>
        </message>
        <message>
            <source>Exercise</source>
            <translation>Ejercicio</translation>
        </message>
        <message>
            <source>Sets done of planned</source>
            <translation>Series hechas de previstas</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Saltadas</translation>
        </message>
        <message>
            <source>Latest plan</source>
            <translation>Último plan</translation>
        </message>
        <message>
            <source>Load</source>
            <translation>Peso</translation>
        </message>
        <message>
            <source>Who moved (sets)</source>
            <translation>Quién movió (series)</translation>
        </message>
        <message>
            <source>{sessions} sessions started: {completed} completed, {tired} stopped when tired, {symptom} stopped for a symptom, {other} interrupted or not finished.</source>
            <translation>{sessions} sesiones empezadas: {completed} completadas, {tired} paradas por cansancio, {symptom} paradas por un síntoma, {other} interrumpidas o sin terminar.</translation>
        </message>
        <message>
            <source>Week of</source>
            <translation>Semana del</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Objetivo</translation>
        </message>
        <message>
            <source>Target met</source>
            <translation>Objetivo cumplido</translation>
        </message>
        <message>
            <source>Month (weeks by their Monday)</source>
            <translation>Mes (semanas por su lunes)</translation>
        </message>
        <message>
            <source>Weeks target met</source>
            <translation>Semanas con el objetivo cumplido</translation>
        </message>
        <message>
            <source>Sessions with a rating</source>
            <translation>Sesiones con una valoración</translation>
        </message>
        <message>
            <source>Highest rating in a session, on average</source>
            <translation>Valoración máxima en una sesión, de media</translation>
        </message>
        <message>
            <source>Highest rating in a session, median</source>
            <translation>Valoración máxima en una sesión, mediana</translation>
        </message>
        <message>
            <source>Highest rating of the period</source>
            <translation>Valoración máxima del periodo</translation>
        </message>
        <message>
            <source>Average rating in a session, on average</source>
            <translation>Valoración media en una sesión, de media</translation>
        </message>
        <message>
            <source>Trend of the highest rating</source>
            <translation>Tendencia de la valoración máxima</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>How it ended</source>
            <translation>Cómo terminó</translation>
        </message>
        <message>
            <source>Highest tiredness</source>
            <translation>Cansancio máximo</translation>
        </message>
        <message>
            <source>Symptoms</source>
            <translation>Síntomas</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>Urgente</translation>
        </message>
        <message>
            <source>Soon</source>
            <translation>Pronto</translation>
        </message>
        <message>
            <source>Routine</source>
            <translation>Rutina</translation>
        </message>
        <message>
            <source>Sessions: {days}</source>
            <translation>Sesiones: {days}</translation>
        </message>
        <message>
            <source>Answers before a session: {days}</source>
            <translation>Respuestas antes de una sesión: {days}</translation>
        </message>
        <message>
            <source>Lift checks: {days}</source>
            <translation>Comprobaciones de levantar: {days}</translation>
        </message>
        <message>
            <source>ALSFRS-R ratings: {days}</source>
            <translation>Valoraciones ALSFRS-R: {days}</translation>
        </message>
        <message>
            <source>Program given: {days}</source>
            <translation>Programa entregado: {days}</translation>
        </message>
        <message>
            <source>Home exercise report</source>
            <translation>Informe de ejercicio en casa</translation>
        </message>
        <message>
            <source>The program comes from your therapist. These are the figures the app recorded at home, to talk over together.</source>
            <translation>El programa es de tu terapeuta. Estas son las cifras que la aplicación registró en casa, para comentarlas juntos.</translation>
        </message>
        <message>
            <source>Program followed</source>
            <translation>Programa seguido</translation>
        </message>
        <message>
            <source>First</source>
            <translation>Primera</translation>
        </message>
        <message>
            <source>Last</source>
            <translation>Última</translation>
        </message>
        <message>
            <source>Sessions against the weekly target</source>
            <translation>Sesiones frente al objetivo semanal</translation>
        </message>
        <message>
            <source>Tiredness (0 to 10, rated after each set)</source>
            <translation>Cansancio (de 0 a 10, valorado después de cada serie)</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Valor</translation>
        </message>
        <message>
            <source>Early stops and symptoms</source>
            <translation>Paradas antes de tiempo y síntomas</translation>
        </message>
        <message>
            <source>Still tired or sore from last time</source>
            <translation>Con cansancio o molestias de la última vez</translation>
        </message>
        <message>
            <source>rested that day</source>
            <translation>descansó ese día</translation>
        </message>
        <message>
            <source>did a session</source>
            <translation>hizo una sesión</translation>
        </message>
        <message>
            <source>ALSFRS-R self-rating</source>
            <translation>Autovaloración ALSFRS-R</translation>
        </message>
        <message>
            <source>Rated at home with the app's own short labels. Total out of 48, each part out of 12. dFS is the points lost a month since the first symptoms.</source>
            <translation>Valorado en casa con las etiquetas cortas propias de la aplicación. Total sobre 48, cada parte sobre 12. dFS son los puntos perdidos al mes desde los primeros síntomas.</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Por</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>dFS</source>
            <translation>dFS</translation>
        </message>
        <message>
            <source>Change over this period: {slope} points a month ({band}).</source>
            <translation>Cambio en este periodo: {slope} puntos al mes ({band}).</translation>
        </message>
        <message>
            <source>What needs attention</source>
            <translation>Qué necesita atención</translation>
        </message>
        <message>
            <source>latest {total} of 48 on {day}</source>
            <translation>la última, {total} de 48 el {day}</translation>
        </message>
        <message>
            <source>ALSFRS-R</source>
            <translation>ALSFRS-R</translation>
        </message>
        <message>
            <source>At a glance</source>
            <translation>De un vistazo</translation>
        </message>
        <message>
            <source>Each exercise</source>
            <translation>Cada ejercicio</translation>
        </message>
        <message>
            <source>Sets done of those planned in the sessions that reached the exercise; a set skipped was offered and not done. The load is the heaviest of the sets done; who moved counts the sets done alone, with help, or by the caregiver.</source>
            <translation>Series hechas de las previstas en las sesiones que llegaron al ejercicio; una serie saltada se ofreció y no se hizo. El peso es el mayor de las series hechas; quién movió cuenta las series hechas sin ayuda, con ayuda o por el cuidador.</translation>
        </message>
        <message>
            <source>{done} of {planned}</source>
            <translation>{done} de {planned}</translation>
        </message>
        <message>
            <source>There were no sessions in this period.</source>
            <translation>No hubo sesiones en este periodo.</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>No tiredness was rated in this period.</source>
            <translation>No se valoró el cansancio en este periodo.</translation>
        </message>
        <message>
            <source>not enough ratings to say</source>
            <translation>no hay valoraciones suficientes para decirlo</translation>
        </message>
        <message>
            <source>steady</source>
            <translation>estable</translation>
        </message>
        <message>
            <source>rising by {n} a month</source>
            <translation>sube {n} al mes</translation>
        </message>
        <message>
            <source>falling by {n} a month</source>
            <translation>baja {n} al mes</translation>
        </message>
        <message>
            <source>No symptom was reported.</source>
            <translation>No se indicó ningún síntoma.</translation>
        </message>
        <message>
            <source>The question was not answered in this period.</source>
            <translation>La pregunta no se respondió en este periodo.</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Respuesta</translation>
        </message>
        <message>
            <source>Then</source>
            <translation>Después</translation>
        </message>
        <message>
            <source>No self-rating was made in this period.</source>
            <translation>No se hizo ninguna autovaloración en este periodo.</translation>
        </message>
        <message>
            <source>Latest dFS: {dfs} ({band}).</source>
            <translation>Último dFS: {dfs} ({band}).</translation>
        </message>
        <message>
            <source>Tiredness</source>
            <translation>Cansancio</translation>
        </message>
        <message>
            <source>No set was recorded in this period.</source>
            <translation>No se registró ninguna serie en este periodo.</translation>
        </message>
        <message>
            <source>From {first} to {last}</source>
            <translation>Del {first} al {last}</translation>
        </message>
        <message>
            <source>The target was met in {met} of {weeks} weeks.</source>
            <translation>El objetivo se cumplió en {met} de {weeks} semanas.</translation>
        </message>
        <message>
            <source>{met} of {weeks}</source>
            <translation>{met} de {weeks}</translation>
        </message>
        <message>
            <source>Stopped when tired: {tired}. Stopped for a symptom: {symptom}.</source>
            <translation>Paradas por cansancio: {tired}. Paradas por un síntoma: {symptom}.</translation>
        </message>
        <message>
            <source>Asked {asked} times: fine {fine}, still tired {tired}, still sore {sore}.</source>
            <translation>Preguntado {asked} veces: bien {fine}, con cansancio {tired}, con molestias {sore}.</translation>
        </message>
        <message>
            <source>As of {day}, the most urgent first.</source>
            <translation>A {day}, lo más urgente primero.</translation>
        </message>
        <message>
            <source>{sessions} sessions, the last on {day}; the weekly target met in {met} of {weeks} weeks</source>
            <translation>{sessions} sesiones, la última el {day}; objetivo semanal cumplido en {met} de {weeks} semanas</translation>
        </message>
        <message>
            <source>sessions stopped for a symptom: {symptom}; when tired: {tired}</source>
            <translation>sesiones paradas por un síntoma: {symptom}; por cansancio: {tired}</translation>
        </message>
        <message>
            <source>{slope} points a month</source>
            <translation>{slope} puntos al mes</translation>
        </message>
        <message>
            <source>dFS {dfs}</source>
            <translation>dFS {dfs}</translation>
        </message>
        <message>
            <source>Sessions with each symptom: {list}.</source>
            <translation>Sesiones con cada síntoma: {list}.</translation>
        </message>
        <message>
            <source>Nothing is flagged on {day}.</source>
            <translation>Nada señalado a {day}.</translation>
        </message>
        <message>
            <source>highest in a session {median} (median), {trend}</source>
            <translation>máximo de cada sesión {median} (mediana), {trend}</translation>
        </message>
        <message>
            <source>Made by alshome {version} on {day}. Not a medical device: for discussion with your therapist.</source>
            <translation>Hecho con alshome {version} el {day}. No es un producto sanitario: para hablarlo con tu terapeuta.</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Página {page} de {pages}</translation>
        </message>
    </context>
    <context>
        <name>DamagedHistory</name>
        <message>
            <source>Start afresh</source>
            <translation>Empezar de nuevo</translation>
        </message>
        <message>
            <source>Close alshome</source>
            <translation>Cerrar alshome</translation>
        </message>
        <message>
            <source>Restore that backup</source>
            <translation>Recuperar esa copia</translation>
        </message>
        <message>
            <source>There is no backup to restore.</source>
            <translation>No hay ninguna copia que recuperar.</translation>
        </message>
        <message>
            <source>The newest good backup is from {when}.</source>
            <translation>La copia buena más reciente es del {when}.</translation>
        </message>
    </context>
    <context>
        <name>Passphrase</name>
        <message>
            <source>Your history is protected. Type its passphrase to open it.</source>
            <translation>Tu historial está protegido. Escribe su frase de contraseña para abrirlo.</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Close alshome</source>
            <translation>Cerrar alshome</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frase de contraseña</translation>
        </message>
        <message>
            <source>The passphrase that opens your history.</source>
            <translation>La frase de contraseña que abre tu historial.</translation>
        </message>
        <message>
            <source>That passphrase is not right. Try again.</source>
            <translation>Esa frase de contraseña no es correcta. Prueba otra vez.</translation>
        </message>
    </context>
    <context>
        <name>Share</name>
        <message>
            <source>Shared with the clinic: up to date</source>
            <translation>Compartido con la clínica: al día</translation>
        </message>
        <message>
            <source>Shared with the clinic: nothing sent yet</source>
            <translation>Compartido con la clínica: todavía no se ha enviado nada</translation>
        </message>
        <message>
            <source>Shared with the clinic: not up to date since {moment}</source>
            <translation>Compartido con la clínica: sin actualizar desde {moment}</translation>
        </message>
        <message>
            <source>Shared with the clinic: not up to date since {moment} (no connection)</source>
            <translation>Compartido con la clínica: sin actualizar desde {moment} (sin conexión)</translation>
        </message>
    </context>
    <context>
        <name>Spoken</name>
        <message>
            <source>Time is up.</source>
            <translation>Se acabó el tiempo.</translation>
        </message>
        <message>
            <source>Rest is over.</source>
            <translation>El descanso ha terminado.</translation>
        </message>
        <message>
            <source>Starts in {time}.</source>
            <translation>Empieza en {time}.</translation>
        </message>
        <message>
            <source>Moving on in {time}. Choose Wait to stay.</source>
            <translation>Seguimos en {time}. Elige Esperar para quedarte.</translation>
        </message>
        <message>
            <source>{time} left.</source>
            <translation>Tiempo que queda: {time}.</translation>
        </message>
        <message>
            <source>{time} of rest left.</source>
            <translation>Descanso que queda: {time}.</translation>
        </message>
    </context>
</TS>

//! The rep's tasks (pages/tasks.rs, task.rs, task_form.rs) and today's agenda (agenda.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! tasks {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            NavTasks => ["Tarefas", "Tasks", "Tareas"],
            NavAgenda => ["Agenda de hoje", "Today's agenda", "Agenda de hoy"],
            TaskDueFrom => ["Vencimento de", "Due from", "Vencimiento desde"],
            TaskDueTo => ["Vencimento até", "Due to", "Vencimiento hasta"],
            TaskStatusAll => ["Todas", "All", "Todas"],
            TaskOpen => ["Aberta", "Open", "Abierta"],
            TaskDone => ["Concluída", "Done", "Completada"],
            TaskOverdue => ["Atrasada", "Overdue", "Atrasada"],
            TaskSubject => ["Assunto", "Subject", "Asunto"],
            TaskNotes => ["Observações", "Notes", "Observaciones"],
            TaskNoteLog => ["Anotações", "Notes added", "Anotaciones"],
            NoTaskNotes => ["Nenhuma anotação ainda.", "No notes yet.", "Ninguna anotación todavía."],
            NoTasksFound => ["Nenhuma tarefa encontrada.", "No tasks found.", "Ninguna tarea encontrada."],
            TaskNotFound => ["Tarefa não encontrada.", "Task not found.", "Tarea no encontrada."],
            NewTask => ["Nova tarefa", "New task", "Nueva tarea"],
            TaskMarkDone => ["Marcar como concluída", "Mark as done", "Marcar como completada"],
            TaskReopen => ["Reabrir", "Reopen", "Reabrir"],
            TaskNewNote => ["Nova anotação", "New note", "Nueva anotación"],
            TaskAddNote => ["Adicionar anotação", "Add note", "Agregar anotación"],
            TaskSaved => ["Tarefa salva.", "Task saved.", "Tarea guardada."],
            TaskCustomerSearch => ["Buscar cliente (nome ou código)", "Find a customer (name or code)", "Buscar cliente (nombre o código)"],
            ProblemControlChars => ["Sem caracteres de controle.", "No control characters.", "Sin caracteres de control."],
            ProblemNoteTooLong => ["No máximo 2.000 caracteres.", "At most 2,000 characters.", "Como máximo 2.000 caracteres."],
            ProblemSubjectTooLong => ["No máximo 120 caracteres.", "At most 120 characters.", "Como máximo 120 caracteres."],
            ProblemTaskDate => ["Data inválida: use dd/mm/aaaa.", "Not a date: use mm/dd/yyyy.", "Fecha inválida: use dd/mm/aaaa."],
            TasksNotOnDevice => [
                "As tarefas não estão neste aparelho e não há conexão: prepare a seleção de hoje com conexão para tê-las sem ela.",
                "The tasks are not on this device and there is no connection: prepare today's selection online to have them offline.",
                "Las tareas no están en este dispositivo y no hay conexión: prepare la selección de hoy con conexión para tenerlas sin ella."
            ],
            TaskNotOnDevice => [
                "Esta tarefa não está neste aparelho e não há conexão.",
                "This task is not on this device and there is no connection.",
                "Esta tarea no está en este dispositivo y no hay conexión."
            ],
            TaskWaiting => [
                "Guardado neste aparelho: vai para o ERP assim que houver conexão.",
                "Kept on this device: it goes to the ERP as soon as there is a connection.",
                "Guardado en este dispositivo: va al ERP en cuanto haya conexión."
            ],
            TaskRefused => ["O ERP recusou a alteração:", "The ERP refused the change:", "El ERP rechazó el cambio:"],
            AgendaSelectionNeedsConnection => [
                "Usar a agenda como seleção precisa de conexão.",
                "Using the agenda as the selection needs a connection.",
                "Usar la agenda como selección necesita conexión."
            ],
            AgendaEmpty => ["Nada na agenda de hoje.", "Nothing on today's agenda.", "Nada en la agenda de hoy."],
            AgendaTask => ["Tarefa", "Task", "Tarea"],
            AgendaVisit => ["Visita", "Visit", "Visita"],
            AgendaUseAsSelection => ["Usar como seleção de hoje", "Use as today's selection", "Usar como selección de hoy"],
            AgendaUseTitle => ["Usar a agenda como seleção de hoje?", "Use the agenda as today's selection?", "¿Usar la agenda como selección de hoy?"],
            AgendaUseText => [
                "Os clientes da agenda passam a ser os clientes de hoje neste aparelho, para trabalhar sem conexão; os produtos escolhidos continuam. O download começa em seguida.",
                "The agenda's customers become today's customers on this device, to work without a connection; the chosen products stay. The download starts right after.",
                "Los clientes de la agenda pasan a ser los clientes de hoy en este dispositivo, para trabajar sin conexión; los productos elegidos siguen. La descarga empieza enseguida."
            ],
            AgendaUse => ["Usar", "Use", "Usar"],
            AgendaSelectionSaved => [
                "Seleção de hoje salva: o aparelho está baixando os dados.",
                "Today's selection saved: the device is downloading the data.",
                "Selección de hoy guardada: el dispositivo está descargando los datos."
            ],
        }
    };
}

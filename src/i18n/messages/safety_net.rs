//! The backup of unsent documents, taken to another device (pages/offline_configurator/safety_net.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! safety_net {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            SafetyNet => ["Cópia de segurança dos pendentes", "Backup of unsent documents", "Copia de seguridad de pendientes"],
            SafetyNetHint => [
                "Leve os documentos não enviados deste aparelho para outro, do mesmo vendedor: cada um chega ao ERP uma vez só.",
                "Take this device's unsent documents to another one of the same seller: each reaches the ERP once.",
                "Lleve los documentos no enviados de este dispositivo a otro del mismo vendedor: cada uno llega al ERP una sola vez."
            ],
            ExportUnsent => ["Exportar pendentes", "Export unsent", "Exportar pendientes"],
            Import => ["Importar", "Import", "Importar"],
            NothingToExport => ["Nada pendente para exportar.", "Nothing unsent to export.", "Nada pendiente para exportar."],
            Exported => ["Documentos exportados: {n}.", "Documents exported: {n}.", "Documentos exportados: {n}."],
            ImportDone => [
                "Importação concluída. Novos: {added} · atualizados: {replaced} · já presentes: {unchanged}.",
                "Import done. New: {added} · updated: {replaced} · already here: {unchanged}.",
                "Importación concluida. Nuevos: {added} · actualizados: {replaced} · ya presentes: {unchanged}."
            ],
            ImportNotAFile => [
                "Este arquivo não é uma exportação de pendentes do Mascate.",
                "This file is not an export of Mascate's unsent documents.",
                "Este archivo no es una exportación de pendientes de Mascate."
            ],
            ImportNewer => [
                "Arquivo de uma versão mais nova do Mascate: atualize o aplicativo.",
                "File from a newer Mascate: update the app.",
                "Archivo de una versión más nueva de Mascate: actualice la aplicación."
            ],
            ImportOtherSeller => [
                "Estes documentos são de outro vendedor ({n}); entre com ele para importar.",
                "These documents belong to another seller ({n}); sign in as them to import.",
                "Estos documentos son de otro vendedor ({n}); entre con él para importar."
            ],
            ImportDamaged => ["Documento danificado no arquivo: {n}.", "Damaged document in the file: {n}.", "Documento dañado en el archivo: {n}."],
            ItemsN => ["itens: {n}", "items: {n}", "ítems: {n}"],
        }
    };
}

namespace OctoSync.Engine.Reporting;

/// <summary>The report's only stylesheet, inline so that the file stands alone (no scripts, no external assets) and prints.</summary>
internal static class ReportStyles
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem; color: #1f2933; }
        h1, h2, h3, h4 { margin: 1.2rem 0 .4rem; }
        table { border-collapse: collapse; margin: .3rem 0 1rem; font-size: .9rem; }
        th, td { border: 1px solid #cbd2d9; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f0f4f8; }
        .side { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .side > div { flex: 1 1 18rem; }
        .side table { width: 100%; }
        tr.changed td { background: #fff3c4; }
        .action-Create { color: #0b6e4f; } .action-Update { color: #1c5fb8; } .action-Delete { color: #b42318; }
        .action-Skip, .action-None { color: #616e7c; } .action-Leave { color: #9a5b00; }
        .drift { font-weight: bold; color: #9a5b00; }
        .muted { color: #616e7c; }
        section.project { border-top: 2px solid #9aa5b1; margin-top: 1.5rem; }
        @media print { body { margin: 0; } section.project { break-before: page; } tr.changed td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;
}

namespace OctoSync.Engine.Reporting;

/// <summary>
/// The report's only stylesheet, inline so that the file stands alone (no scripts, no external assets) and prints.
/// The three variable tables sit side by side from 1280 px (each a third of the width, long values wrap inside their
/// cell) and stack, each under its label, below that. Row colours follow the decision (<see cref="Decisions"/>).
/// </summary>
internal static class ReportStyles
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem; color: #1f2933; }
        h1, h2, h3, h4 { margin: 1.2rem 0 .4rem; }
        table { border-collapse: collapse; margin: .3rem 0 1rem; font-size: .9rem; }
        th, td { border: 1px solid #cbd2d9; padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        th { background: #f0f4f8; }
        .side { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; align-items: start; }
        @media (min-width: 1280px) { .side { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
        .side table { width: 100%; table-layout: fixed; }
        .side td { overflow-wrap: anywhere; }
        .side th:nth-child(4) { width: 34%; }
        .side h4 { margin-top: .4rem; }
        tr.changed td { background: #fff3c4; }
        tr.d-create td { background: #e3f9e5; }
        tr.d-update td { background: #e6f0ff; }
        tr.d-delete td { background: #fde8e8; }
        tr.d-drift td { background: #fff3c4; font-weight: 600; }
        tr.d-skip td, tr.d-unchanged td { color: #616e7c; }
        tr.d-leave td { background: #fdf2e0; }
        tr.d-failed td { background: #fcd9d9; color: #8a1c1c; font-weight: 600; }
        tr.d-failed td:first-child { border-left: 4px solid #b42318; }
        .muted { color: #616e7c; }
        nav.toc ul { margin: .2rem 0; }
        nav.toc li { margin: .1rem 0; }
        table.instances th:first-child { background: #f0f4f8; }
        section.project { border-top: 2px solid #9aa5b1; margin-top: 1.5rem; }
        @media print { body { margin: 0; } section.project { break-before: page; } tr td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;
}

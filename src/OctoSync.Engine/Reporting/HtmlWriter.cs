using System.Net;
using System.Text;

namespace OctoSync.Engine.Reporting;

/// <summary>Builds HTML where every piece of text is encoded: names come from Octopus and may hold anything (<c>&lt;script&gt;</c>).</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Markup written by this code, never data.</summary>
    public HtmlWriter Markup(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary><c>&lt;tag class="…"&gt;text&lt;/tag&gt;</c> with the text encoded.</summary>
    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(Encode(cssClass)).Append('"');
        }

        _html.Append('>').Append(Encode(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>A table with a header row; each row's cells encoded, a row's class (e.g. <c>changed</c>) when given.</summary>
    public HtmlWriter Table(IReadOnlyList<string> headers, IEnumerable<(string? Class, IReadOnlyList<string> Cells)> rows, string? empty = null)
    {
        _html.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            _html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        var any = false;
        foreach (var (cssClass, cells) in rows)
        {
            any = true;
            _html.Append(cssClass is null ? "<tr>" : $"<tr class=\"{Encode(cssClass)}\">");
            foreach (var cell in cells)
            {
                _html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            _html.Append("</tr>\n");
        }

        if (!any && empty is not null)
        {
            _html.Append("<tr><td class=\"muted\" colspan=\"").Append(headers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append("\">").Append(Encode(empty)).Append("</td></tr>\n");
        }

        _html.Append("</tbody>\n</table>\n");
        return this;
    }

    public override string ToString() => _html.ToString();
}

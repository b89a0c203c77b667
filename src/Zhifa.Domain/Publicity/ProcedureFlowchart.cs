using System.Globalization;
using System.Text;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>
/// The flowchart of a procedure (执法流程图, PUB-2 / seed 003 art. 9) drawn as SVG from the case state machine itself,
/// so the published picture can never differ from what the platform enforces: one box per step in path order, one arrow
/// per allowed move, the move's conditions written beside it.
/// </summary>
public static class ProcedureFlowchart
{
    private const int BoxWidth = 180, BoxHeight = 40, BoxX = 70, Top = 56, LineHeight = 16, MinGap = 36, TextX = BoxX + BoxWidth / 2 + 14;
    private const string Font = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif";

    /// <summary>The condition of a move in a few words (its ".short" text in the resources), by its stable code.</summary>
    public static string ShortCondition(UnmetCondition c) => Messages.Short(c.Code) ?? c.Message;

    /// <summary>The SVG document of one path; <paramref name="title"/> is drawn at its top.</summary>
    public static string Svg(string title, CaseCategory category, CaseProcedure procedure)
        => Svg(title, CaseStateMachine.Path(category, procedure), CaseStateMachine.Moves(category, procedure));

    public static string Svg(string title, IReadOnlyList<string> steps, IReadOnlyList<PathMove> moves)
    {
        // The gap below each step holds the conditions of the move leaving it for the next step.
        var gaps = new int[steps.Count];
        for (int i = 0; i < steps.Count; i++)
        {
            int lines = moves.Where(m => m.From == steps[i] && i + 1 < steps.Count && m.To == steps[i + 1]).Sum(m => m.Conditions.Count);
            gaps[i] = Math.Max(MinGap, 16 + lines * LineHeight);
        }
        var y = new int[steps.Count];
        for (int i = 0, at = Top; i < steps.Count; i++)
        {
            y[i] = at;
            at += BoxHeight + gaps[i];
        }
        var far = moves.Where(m => Index(steps, m.To) != Index(steps, m.From) + 1).ToList();
        int height = (steps.Count == 0 ? Top : y[^1] + BoxHeight) + 24;
        int width = 440;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Esc(title)}\">\n");
        sb.Append("<title>").Append(Esc(title)).Append("</title>\n");
        sb.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
          .Append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"30\" text-anchor=\"middle\" font-family=\"{Font}\" font-size=\"17\" font-weight=\"bold\" fill=\"#111\">{Esc(title)}</text>\n");

        int cx = BoxX + BoxWidth / 2;
        for (int i = 0; i < steps.Count; i++)
        {
            bool end = i == steps.Count - 1, start = i == 0;
            string fill = start ? "#dbeafe" : end ? "#e5e7eb" : "#f8fafc";
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"step\" data-step=\"{Esc(steps[i])}\">")
              .Append(CultureInfo.InvariantCulture, $"<rect x=\"{BoxX}\" y=\"{y[i]}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"{(start || end ? 20 : 6)}\" fill=\"{fill}\" stroke=\"#1e3a8a\" stroke-width=\"1.5\"/>")
              .Append(CultureInfo.InvariantCulture, $"<text x=\"{cx}\" y=\"{y[i] + BoxHeight / 2 + 5}\" text-anchor=\"middle\" font-family=\"{Font}\" font-size=\"15\" fill=\"#111\">{i + 1}. {Esc(CaseSteps.Label(steps[i]))}</text>")
              .Append("</g>\n");
        }
        foreach (var m in moves.Where(m => !far.Contains(m)))
        {
            int i = Index(steps, m.From);
            int y1 = y[i] + BoxHeight, y2 = y[i + 1] - 2;
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"move\" data-from=\"{Esc(m.From)}\" data-to=\"{Esc(m.To)}\">")
              .Append(CultureInfo.InvariantCulture, $"<line x1=\"{cx}\" y1=\"{y1}\" x2=\"{cx}\" y2=\"{y2}\" stroke=\"#333\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
            for (int k = 0; k < m.Conditions.Count; k++)
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{TextX}\" y=\"{y1 + 18 + k * LineHeight}\" font-family=\"{Font}\" font-size=\"12\" fill=\"#7c2d12\">· {Esc(ShortCondition(m.Conditions[k]))}</text>");
            sb.Append("</g>\n");
        }
        // A move that skips or goes back (none in today's table, but the drawing must not hide one) arcs on the left.
        for (int k = 0; k < far.Count; k++)
        {
            var m = far[k];
            int from = Index(steps, m.From), to = Index(steps, m.To);
            if (from < 0 || to < 0) continue;
            int x = BoxX - 14 - k * 10 % 50, y1 = y[from] + BoxHeight / 2, y2 = y[to] + BoxHeight / 2;
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"move\" data-from=\"{Esc(m.From)}\" data-to=\"{Esc(m.To)}\">")
              .Append(CultureInfo.InvariantCulture, $"<path d=\"M{BoxX},{y1} L{x},{y1} L{x},{y2} L{BoxX - 2},{y2}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" marker-end=\"url(#arrow)\"/>")
              .Append("</g>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static int Index(IReadOnlyList<string> steps, string step)
    {
        for (int i = 0; i < steps.Count; i++) if (steps[i] == step) return i;
        return -1;
    }

    private static string Esc(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}

using System.Xml.Linq;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

public sealed class ProcedureFlowchartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<CaseCategory, CaseProcedure> Paths()
    {
        var data = new TheoryData<CaseCategory, CaseProcedure>();
        foreach (var (c, p) in CaseStateMachine.Procedures) data.Add(c, p);
        return data;
    }

    [Fact]
    public void Every_category_of_case_has_a_procedure_to_draw()
    {
        var drawn = CaseStateMachine.Procedures.Select(p => p.Category).ToHashSet();
        Assert.Equal(Enum.GetValues<CaseCategory>().ToHashSet(), drawn);
        Assert.Contains((CaseCategory.Penalty, CaseProcedure.General), CaseStateMachine.Procedures);
        Assert.Contains((CaseCategory.Penalty, CaseProcedure.Simple), CaseStateMachine.Procedures);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_flowchart_is_valid_SVG_with_a_labelled_box_for_every_step_and_an_arrow_for_every_move(CaseCategory category, CaseProcedure procedure)
    {
        var doc = XDocument.Parse(ProcedureFlowchart.Svg("流程图", category, procedure));
        Assert.Equal(Svg + "svg", doc.Root!.Name);

        var steps = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "step").ToList();
        Assert.Equal(CaseStateMachine.Path(category, procedure), steps.Select(g => (string)g.Attribute("data-step")!));
        foreach (var g in steps)
        {
            Assert.Single(g.Elements(Svg + "rect"));
            Assert.Contains(CaseSteps.Label((string)g.Attribute("data-step")!), g.Element(Svg + "text")!.Value, StringComparison.Ordinal);
        }

        var arrows = doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "move")
            .Select(g => ((string)g.Attribute("data-from")!, (string)g.Attribute("data-to")!)).ToList();
        var moves = CaseStateMachine.Moves(category, procedure);
        Assert.Equal(moves.Select(m => (m.From, m.To)).OrderBy(x => x), arrows.OrderBy(x => x));
        Assert.All(doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "move"),
            g => Assert.Equal("url(#arrow)", (string?)g.Elements().First().Attribute("marker-end")));
    }

    [Fact]
    public void The_conditions_of_a_move_are_written_beside_its_arrow()
    {
        var doc = XDocument.Parse(ProcedureFlowchart.Svg("行政处罚（普通程序）", CaseCategory.Penalty, CaseProcedure.General));
        var decide = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-from") == CaseSteps.Statement && (string?)g.Attribute("data-to") == CaseSteps.Decided);
        var texts = decide.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.Contains("法制审核", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("集体讨论", StringComparison.Ordinal));
        Assert.Equal(CaseStateMachine.Moves(CaseCategory.Penalty, CaseProcedure.General).Single(m => m.To == CaseSteps.Decided).Conditions.Count, texts.Count);
    }

    [Fact]
    public void Every_condition_the_state_machine_checks_has_a_short_label_of_its_own()
    {
        var conditions = CaseStateMachine.Procedures.SelectMany(p => CaseStateMachine.Moves(p.Category, p.Procedure)).SelectMany(m => m.Conditions).ToList();
        Assert.NotEmpty(conditions);
        Assert.All(conditions, c => Assert.NotEqual(c.Message, ProcedureFlowchart.ShortCondition(c)));
    }

    [Fact]
    public void A_move_that_skips_steps_is_still_drawn()
    {
        var steps = new[] { CaseSteps.Filed, CaseSteps.Investigation, CaseSteps.Decided };
        var moves = new[]
        {
            new PathMove(CaseSteps.Filed, CaseSteps.Investigation, []),
            new PathMove(CaseSteps.Investigation, CaseSteps.Decided, []),
            new PathMove(CaseSteps.Filed, CaseSteps.Decided, []),
        };
        var doc = XDocument.Parse(ProcedureFlowchart.Svg("<测试> & \"引号\"", steps, moves));
        Assert.Equal(3, doc.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "move"));
        Assert.Equal("<测试> & \"引号\"", doc.Root!.Element(Svg + "title")!.Value);
    }
}

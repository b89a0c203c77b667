using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Matters;

namespace Zhifa.Domain.Tests.Decisions;

/// <summary>行政处罚法第五十九条、第二十九条: the provisions violated and the penalty basis, each in its place, and the higher fine among several norms.</summary>
public sealed class DecisionProvisionsTests
{
    private const string Conduct = "《公共场所卫生管理条例》第八条";
    private const string Rules = "《公共场所卫生管理条例实施细则》第三十五条第一款";
    private const string Regulation = "《公共场所卫生管理条例》第十四条第一款第四项";

    private static (CheckedProvisions Result, ValidationErrors Errors) Check(string? violated, string? basis, (string?, decimal?)[] norms,
        DecisionOutcome outcome = DecisionOutcome.Penalty, bool fines = true, decimal? fine = 3000m)
    {
        var errors = new ValidationErrors();
        return (DecisionProvisions.Check(outcome, fines, fine, violated, basis, norms, errors), errors);
    }

    private static string[] Fields(ValidationErrors errors) => errors.Items.Select(e => e.Field).ToArray();

    [Fact]
    public void A_penalty_needs_both_the_provisions_violated_and_the_penalty_basis_each_named_by_its_field()
    {
        var (_, errors) = Check(null, null, []);
        Assert.Equal(["violatedProvisions", "penaltyBasis"], Fields(errors));
        Assert.All(errors.Items, e => Assert.Equal("required", e.Code));
    }

    [Fact]
    public void With_one_norm_that_norm_is_the_penalty_basis()
    {
        var (result, errors) = Check(Conduct, null, [(Rules, 5000m)]);
        Assert.False(errors.Any);
        Assert.Equal(Rules, result.PenaltyBasis);

        var (typed, none) = Check(Conduct, Rules, []);
        Assert.False(none.Any);
        Assert.Equal([new PenaltyNorm(Rules, null)], typed.PenaltyNorms);
    }

    [Fact]
    public void The_penalty_article_written_as_the_provision_violated_is_refused()
    {
        var (_, errors) = Check("《医疗机构管理条例》第四十七条", "《医疗机构管理条例》第四十七条", []);
        var e = Assert.Single(errors.Items);
        Assert.Equal(("violatedProvisions", "penalty_norm_as_violation"), (e.Field, e.Code));
        Assert.Contains("罚则", e.Message);
    }

    [Fact]
    public void Among_several_norms_that_fine_the_act_the_one_with_the_higher_fine_is_applied_automatically()
    {
        var (result, errors) = Check(Conduct, null, [(Regulation, 20000m), (Rules, 30000m)]);
        Assert.False(errors.Any);
        Assert.Equal(Rules, result.PenaltyBasis);
        Assert.Equal(2, result.PenaltyNorms.Count);
    }

    [Fact]
    public void A_proposal_applying_the_norm_with_the_lower_fine_is_refused_naming_the_norm_to_apply()
    {
        var (_, errors) = Check(Conduct, Regulation, [(Regulation, 20000m), (Rules, 30000m)]);
        var e = Assert.Single(errors.Items);
        Assert.Equal(("penaltyBasis", "lower_fine"), (e.Field, e.Code));
        Assert.Contains($"应适用{Rules}（最高罚款 30,000 元）", e.Message);
        Assert.Contains("第二十九条", e.Message);
    }

    [Fact]
    public void Several_norms_with_a_fine_each_state_their_maximum_or_the_higher_one_cannot_be_told()
    {
        var (_, errors) = Check(Conduct, null, [(Regulation, null), (Rules, 30000m)]);
        var e = Assert.Single(errors.Items);
        Assert.Equal(("penaltyNorms[0].maxFineYuan", "required"), (e.Field, e.Code));
    }

    [Fact]
    public void Without_a_fine_several_norms_need_the_basis_named_and_article_29_does_not_choose()
    {
        var (_, errors) = Check(Conduct, null, [(Regulation, null), (Rules, null)], fines: false, fine: null);
        Assert.Equal(["penaltyBasis"], Fields(errors));
        var (chosen, none) = Check(Conduct, Regulation, [(Regulation, 1000m), (Rules, 30000m)], fines: false, fine: null);
        Assert.False(none.Any);
        Assert.Equal(Regulation, chosen.PenaltyBasis);
    }

    [Fact]
    public void A_fine_above_the_maximum_of_the_applied_norm_is_refused()
    {
        var (_, errors) = Check(Conduct, null, [(Rules, 5000m)], fine: 6000m);
        Assert.Equal(["fineYuan"], Fields(errors));
    }

    [Fact]
    public void A_basis_that_is_not_among_the_listed_norms_is_refused()
    {
        var (_, errors) = Check(Conduct, "《其他规章》第一条", [(Rules, 5000m)]);
        Assert.Equal(["penaltyBasis"], Fields(errors));
    }

    [Fact]
    public void A_no_penalty_cites_the_provisions_violated_and_keeps_no_penalty_basis()
    {
        var (_, missing) = Check(null, null, [], DecisionOutcome.FirstViolationNoPenalty, fines: false, fine: null);
        Assert.Equal(["violatedProvisions"], Fields(missing));
        var (result, errors) = Check(Conduct, Rules, [(Rules, 5000m)], DecisionOutcome.NoPenalty, fines: false, fine: null);
        Assert.False(errors.Any);
        Assert.Equal(("", 0), (result.PenaltyBasis, result.PenaltyNorms.Count));
    }

    private static DecisionProposal Proposal(DecisionOutcome outcome = DecisionOutcome.Penalty) => new()
    {
        Outcome = outcome, PenaltyKinds = outcome == DecisionOutcome.Penalty ? "Warning,Fine" : "", FineYuan = 3000m, ViolatedProvisions = Conduct,
        PenaltyBasis = outcome == DecisionOutcome.Penalty ? Rules : "",
        PenaltyNorms = outcome == DecisionOutcome.Penalty ? PenaltyNorm.ToLines([new(Regulation, 20000m), new(Rules, 30000m)]) : "",
        NoPenaltyGround = outcome == DecisionOutcome.Penalty ? null : NoPenaltyGround.FirstViolation,
    };

    [Fact]
    public void The_decision_says_which_norm_was_applied_and_why()
    {
        var choice = DecisionProvisions.NormChoice(Proposal());
        Assert.Contains(DecisionProvisions.HigherFineRule, choice);
        Assert.Contains("依据《中华人民共和国行政处罚法》第二十九条，同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚", choice);
        Assert.EndsWith($"本案适用{Rules}。", choice);
        var single = Proposal();
        single.PenaltyNorms = PenaltyNorm.ToLines([new(Rules, 30000m)]);
        Assert.Equal("", DecisionProvisions.NormChoice(single));
    }

    [Fact]
    public void The_documents_get_each_provision_in_its_place_and_a_no_penalty_its_ground_and_circumstance()
    {
        var penalty = DecisionProvisions.ForDocuments(Proposal());
        Assert.Equal((Conduct, Rules, ""), (penalty.ViolatedProvisions, penalty.PenaltyBasis, penalty.NoPenaltyBasis));
        Assert.StartsWith($"违法条款：{Conduct}；处罚依据：{Rules}", penalty.Summary);

        var none = DecisionProvisions.ForDocuments(Proposal(DecisionOutcome.FirstViolationNoPenalty));
        Assert.Equal(("", "《中华人民共和国行政处罚法》第三十三条第一款"), (none.PenaltyBasis, none.NoPenaltyBasis));
        Assert.Equal(StatutoryCircumstance.FirstViolation.Text, none.NoPenaltyCircumstance);
    }

    [Fact]
    public void Changing_either_provision_changes_the_fingerprint_so_an_approved_review_no_longer_covers_it()
    {
        var p = Proposal();
        var before = p.Fingerprint();
        p.ViolatedProvisions = "《公共场所卫生管理条例实施细则》第二十二条第二款";
        Assert.NotEqual(before, p.Fingerprint());
        var again = p.Fingerprint();
        p.PenaltyNorms = PenaltyNorm.ToLines([new(Regulation, 20000m), new(Rules, 40000m)]);
        Assert.NotEqual(again, p.Fingerprint());
    }

    [Fact]
    public void The_matter_suggests_its_penalty_clauses_as_norms_and_the_articles_they_refer_to_as_provisions_violated()
    {
        LegalBasis[] bases =
        [
            new() { Law = "公共场所卫生管理条例", Article = "第八条", Text = "经营单位应当及时向卫生行政部门申请办理“卫生许可证”。" },
            new() { Law = "医疗机构管理条例", Article = "第四十七条", Text = "违反本条例第二十七条规定，使用非卫生技术人员从事医疗卫生技术工作的，由县级以上人民政府卫生行政部门责令其限期改正，并可以处以五千元以下的罚款……" },
            new() { Law = "公共场所卫生管理条例实施细则", Article = "第三十五条", Text = "对未依法取得公共场所卫生许可证擅自营业的，给予警告，并处以五百元以上五千元以下罚款；有下列情形之一的，处以五千元以上三万元以下罚款" },
        ];
        var s = DecisionProvisions.Suggest(bases, null);
        Assert.Equal("《公共场所卫生管理条例》第八条、《医疗机构管理条例》第二十七条", s.ViolatedProvisions);
        Assert.Equal([new PenaltyNorm("《医疗机构管理条例》第四十七条", 5000m), new PenaltyNorm("《公共场所卫生管理条例实施细则》第三十五条", 30000m)], s.PenaltyNorms);
    }

    [Fact]
    public void Where_the_text_states_no_amount_the_maximum_comes_from_the_matters_benchmark()
    {
        var basis = new LegalBasis { Law = "某条例", Article = "第十条", Text = "违反本条例第三条、第五条规定的，责令改正，可以处罚款。" };
        var benchmark = new DiscretionBenchmark
        {
            Basis = "《某条例》第十条：责令改正，可以处罚款",
            Grades = [new DiscretionGrade { FineMaxYuan = 3000m }, new DiscretionGrade { FineMaxYuan = 8000m, CitizenFineMaxYuan = 2000m }],
        };
        var s = DecisionProvisions.Suggest([basis], benchmark);
        Assert.Equal("《某条例》第三条、《某条例》第五条", s.ViolatedProvisions);
        Assert.Equal([new PenaltyNorm("《某条例》第十条", 8000m)], s.PenaltyNorms);
        Assert.Null(DecisionProvisions.Suggest([basis], null).PenaltyNorms[0].MaxFineYuan);
    }

    [Theory]
    [InlineData("处以五百元以上五千元以下罚款", 5000)]
    [InlineData("处十万元以下的罚款；逾期未改正的，并处十万元以上二十万元以下的罚款", 200000)]
    [InlineData("并可对供水单位处以20元以上1000元以下的罚款", 1000)]
    [InlineData("并可以处以1万元以下的罚款", 10000)]
    [InlineData("处一万五千元以下罚款", 15000)]
    [InlineData("并处违法所得二倍以上十倍以下的罚款", null)]
    public void The_maximum_fine_is_read_from_the_text_of_a_penalty_clause(string text, int? max)
        => Assert.Equal(max is null ? null : (decimal)max, DecisionProvisions.MaxFineIn(text));
}

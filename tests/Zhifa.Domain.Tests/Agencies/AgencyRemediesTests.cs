using Zhifa.Domain.Agencies;
using Zhifa.Domain.Decisions;

namespace Zhifa.Domain.Tests.Agencies;

/// <summary>LAW-9: the 复议机关 (行政复议法第二十四条、第二十七条) and the court (行政诉讼法第十四条、第十八条) a decision names.</summary>
public sealed class AgencyRemediesTests
{
    [Fact]
    public void A_county_department_is_reviewed_by_the_county_government_and_sued_before_the_county_court()
    {
        var s = AgencyRemedies.Suggest("永兴县卫生健康局", AgencyType.AdministrativeOrgan, AgencyLevel.County);
        Assert.Equal(("永兴县人民政府", "永兴县人民法院"), (s.ReconsiderationOrgan, s.CompetentCourt));
        Assert.Contains("行政复议法第二十四条", s.OrganReason);
        Assert.Contains("第十八条", s.CourtReason);
        Assert.Contains("集中管辖", s.CourtReason);
    }

    [Theory]
    [InlineData("国家税务总局永兴县税务局")]
    [InlineData("郴州海关")]
    [InlineData("永兴县国家安全局")]
    public void Vertically_led_tax_and_state_security_organs_are_reviewed_by_the_superior_department_so_no_government_is_suggested(string name)
    {
        var s = AgencyRemedies.Suggest(name, AgencyType.AdministrativeOrgan, AgencyLevel.County);
        Assert.Null(s.ReconsiderationOrgan);
        Assert.Contains("第二十七条", s.OrganReason);
        Assert.Contains("上一级主管部门", s.OrganReason);
    }

    [Fact]
    public void A_city_department_gets_the_city_government_but_no_court_since_its_seat_is_not_known()
    {
        var s = AgencyRemedies.Suggest("郴州市市场监督管理局", AgencyType.AdministrativeOrgan, AgencyLevel.City);
        Assert.Equal("郴州市人民政府", s.ReconsiderationOrgan);
        Assert.Null(s.CompetentCourt);
    }

    [Theory]
    [InlineData("永兴县应急管理局", AgencyLevel.County, "永兴县")]
    [InlineData("北京市朝阳区市场监督管理局", AgencyLevel.County, "北京市朝阳区")]
    [InlineData("资兴市市场监督管理局", AgencyLevel.County, "资兴市")]
    [InlineData("郴州市市场监督管理局", AgencyLevel.City, "郴州市")]
    [InlineData("广西壮族自治区南宁市青秀区卫生健康局", AgencyLevel.County, "广西壮族自治区南宁市青秀区")]
    [InlineData("湘西土家族苗族自治州卫生健康委员会", AgencyLevel.City, "湘西土家族苗族自治州")]
    [InlineData("广西壮族自治区卫生健康委员会", AgencyLevel.Province, "广西壮族自治区")]
    [InlineData("湖南省卫生健康委员会", AgencyLevel.Province, "湖南省")]
    [InlineData("卫生健康局", AgencyLevel.County, null)]
    public void The_division_is_read_from_the_start_of_the_name_at_the_agency_s_level(string name, AgencyLevel level, string? division)
        => Assert.Equal(division, AgencyRemedies.Division(name, level));

    [Fact]
    public void A_decision_cannot_be_issued_while_the_agency_names_no_reconsideration_organ_or_court()
    {
        var problems = AgencyRemedies.Problems(new Agency { Name = "永兴县卫生健康局" });
        Assert.Equal(["agency.reconsideration_organ_missing", "agency.competent_court_missing"], problems.Select(p => p.Code));
        Assert.Empty(AgencyRemedies.Problems(new Agency { ReconsiderationOrgan = "永兴县人民政府", CompetentCourt = "永兴县人民法院" }));
    }

    [Fact]
    public void Both_names_are_required_and_the_court_is_a_court()
    {
        Assert.Equal(["reconsiderationOrgan", "competentCourt"], AgencyRemedies.Validate(" ", null).Items.Select(e => e.Field));
        Assert.Equal("invalid", AgencyRemedies.Validate("永兴县人民政府", "永兴县人民政府").Items.Single().Code);
        Assert.False(AgencyRemedies.Validate("永兴县人民政府", "长沙铁路运输法院").Any);
    }

    [Fact]
    public void The_remedies_name_the_reconsideration_organ_and_the_court_and_keep_the_periods_with_their_sources()
    {
        var text = DecisionRules.RemediesText("永兴县人民政府", "永兴县人民法院");
        Assert.Contains("如不服本决定，可以在收到本决定书之日起六十日内向永兴县人民政府申请行政复议", text);
        Assert.Contains("或者在六个月内依法向永兴县人民法院提起行政诉讼", text);
        Assert.Contains("行政复议法》第二十条", text);
        Assert.Contains("行政诉讼法》第四十六条", text);
    }
}

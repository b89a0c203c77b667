using Zhifa.Domain.Officers;

namespace Zhifa.Domain.Tests.Officers;

public class CertificateTests
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly Until = new(2028, 12, 31);

    private static Certificate Card(CertificateState state = CertificateState.Active)
        => new() { Number = "43102301001", Issuer = "湖南省人民政府", ValidFrom = From, ValidUntil = Until, Domains = "卫生健康", State = state };

    [Theory]
    [InlineData("2023-12-31", CertificateStatus.NotYetValid)]
    [InlineData("2024-01-01", CertificateStatus.Valid)]
    [InlineData("2028-12-31", CertificateStatus.Valid)]
    [InlineData("2029-01-01", CertificateStatus.Expired)]
    public void An_active_certificate_is_valid_from_its_first_to_its_last_day_inclusive(string day, CertificateStatus expected)
        => Assert.Equal(expected, Card().StatusOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Suspension_and_revocation_win_over_the_dates()
    {
        Assert.Equal(CertificateStatus.Suspended, Card(CertificateState.Suspended).StatusOn(new DateOnly(2025, 6, 1)));
        Assert.Equal(CertificateStatus.Revoked, Card(CertificateState.Revoked).StatusOn(new DateOnly(2030, 6, 1)));
        Assert.Equal("注销", Certificate.Label(CertificateStatus.Revoked));
        Assert.Equal("未生效", Certificate.Label(CertificateStatus.NotYetValid));
    }

    [Fact]
    public void Expiry_within_the_window_counts_only_certificates_valid_today()
    {
        var c = Card();
        Assert.True(c.ExpiresWithin(new DateOnly(2028, 12, 1), 30));
        Assert.True(c.ExpiresWithin(new DateOnly(2028, 12, 31), 30));
        Assert.False(c.ExpiresWithin(new DateOnly(2028, 11, 30), 30));
        Assert.False(c.ExpiresWithin(new DateOnly(2029, 1, 1), 30));
        Assert.False(Card(CertificateState.Suspended).ExpiresWithin(new DateOnly(2028, 12, 20), 30));
    }

    [Fact]
    public void An_end_before_the_start_and_missing_fields_are_each_named()
    {
        var errors = Certificate.Validate("", " ", new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1), "，、");
        Assert.Equal(["number", "issuer", "domains", "validUntil"], errors.Items.Select(e => e.Field).ToArray());
        Assert.Contains(errors.Items, e => e.Message == "有效期截止日期不能早于起始日期");
    }

    [Theory]
    [InlineData("43102301001", true)]
    [InlineData("HN-2024-0001", true)]
    [InlineData("431 023", false)]
    [InlineData("湘43102301001", false)]
    [InlineData("a_b", false)]
    [InlineData("", false)]
    public void A_number_is_letters_digits_and_hyphens_of_at_most_40_characters(string number, bool valid)
        => Assert.Equal(valid, !Certificate.ValidateNumber(number).Any);

    [Fact]
    public void A_number_longer_than_40_characters_is_refused_and_the_field_can_be_renamed()
    {
        var error = Assert.Single(Certificate.ValidateNumber(new string('1', 41), "certificateNumber").Items);
        Assert.Equal("certificateNumber", error.Field);
        Assert.Equal("too_long", error.Code);
        Assert.Empty(Certificate.ValidateNumber(new string('1', 40)).Items);
    }

    [Fact]
    public void Numbers_and_domains_are_stored_one_way_whatever_was_typed()
    {
        Assert.Equal("HN-2024-0001", Certificate.NormalizeNumber("  hn-2024-0001 "));
        Assert.Equal("卫生健康,公共场所卫生,医疗卫生", Certificate.NormalizeDomains("卫生健康、公共场所卫生，医疗卫生\n卫生健康"));
        Assert.Equal(["安全生产", "危险化学品"], Certificate.SplitDomains("安全生产,危险化学品"));
    }

    [Fact]
    public void Suspending_or_revoking_needs_a_reason()
    {
        var errors = Certificate.CheckStateChange(CertificateState.Active, CertificateState.Revoked, " ");
        var error = Assert.Single(errors.Items);
        Assert.Equal("reason", error.Field);
        Assert.Equal("注销执法证须填写原因", error.Message);
        Assert.Equal("暂扣执法证须填写原因", Assert.Single(Certificate.CheckStateChange(CertificateState.Active, CertificateState.Suspended, null).Items).Message);
    }

    [Fact]
    public void A_suspended_certificate_is_restored_without_a_reason_and_keeps_no_stale_one()
    {
        var c = Card();
        c.ChangeState(CertificateState.Suspended, " 涉嫌违纪 ");
        Assert.Equal("涉嫌违纪", c.StateReason);
        c.ChangeState(CertificateState.Active, null);
        Assert.Equal(CertificateState.Active, c.State);
        Assert.Equal("", c.StateReason);
    }

    [Fact]
    public void Revocation_is_final_and_the_same_state_twice_is_refused()
    {
        Assert.Equal("revoked", Certificate.CheckStateChange(CertificateState.Revoked, CertificateState.Active, null).Items[0].Code);
        Assert.Equal("unchanged", Certificate.CheckStateChange(CertificateState.Suspended, CertificateState.Suspended, "again").Items[0].Code);
        Assert.Equal("required", Certificate.CheckStateChange(CertificateState.Active, null, null).Items[0].Code);
        Assert.Throws<Zhifa.Domain.Common.DomainValidationException>(() => Card(CertificateState.Revoked).ChangeState(CertificateState.Active, "x"));
    }

    [Theory]
    [InlineData("Suspended", CertificateState.Suspended)]
    [InlineData("暂扣", CertificateState.Suspended)]
    [InlineData("注销", CertificateState.Revoked)]
    [InlineData("恢复", CertificateState.Active)]
    [InlineData("active", CertificateState.Active)]
    public void A_state_is_read_from_its_name_its_label_or_its_action(string text, CertificateState expected)
        => Assert.Equal(expected, Certificate.ParseState(text));

    [Fact]
    public void An_unknown_state_or_status_reads_as_nothing()
    {
        Assert.Null(Certificate.ParseState("作废"));
        Assert.Null(Certificate.ParseStatus("Lost"));
        Assert.Equal(CertificateStatus.Expired, Certificate.ParseStatus("过期"));
    }
}

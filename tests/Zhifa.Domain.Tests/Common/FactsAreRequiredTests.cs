using System.Reflection;
using System.Runtime.CompilerServices;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Tests.Common;

public sealed class FactsAreRequiredTests
{
    public static TheoryData<Type> FactsTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var t in typeof(IFacts).Assembly.GetTypes().Where(t => typeof(IFacts).IsAssignableFrom(t) && !t.IsInterface)) data.Add(t);
        return data;
    }

    [Fact]
    public void The_domain_has_facts_records()
        => Assert.NotEmpty(FactsTypes());

    /// <summary>A member the caller may leave out would default to false, 0 or empty — and let its condition pass.</summary>
    [Theory]
    [MemberData(nameof(FactsTypes))]
    public void Every_member_of_a_facts_record_is_required_so_a_forgotten_fact_does_not_compile(Type type)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.DeclaringType == type && p.CanWrite).ToList();
        Assert.NotEmpty(members);
        Assert.All(members, p => Assert.True(p.IsDefined(typeof(RequiredMemberAttribute)), $"{type.Name}.{p.Name} is not required"));
        // Positional parameters would be required too, but an optional one would not: facts records have none.
        Assert.All(type.GetConstructors(), c => Assert.All(c.GetParameters(), p => Assert.False(p.HasDefaultValue, $"{type.Name}({p.Name}) has a default")));
    }
}

using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Common;

/// <summary>One reason an input was refused: the field it concerns, a stable code for machines and a Chinese message for people.</summary>
public sealed record ValidationError(string Field, string Code, string Message);

/// <summary>Collects every problem with an input so that a refusal names all of them at once.</summary>
public sealed class ValidationErrors
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Items => _errors;
    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string code, string message)
    {
        _errors.Add(new ValidationError(field, code, message));
        return this;
    }

    public void AddRange(IEnumerable<ValidationError> errors) => _errors.AddRange(errors);

    public ValidationErrors Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "required", Messages.Get("validation.required", label));
        return this;
    }

    public ValidationErrors MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max) Add(field, "too_long", Messages.Get("validation.too_long", label, max));
        return this;
    }

    /// <summary>Throws when anything was collected; the web layer turns the exception into a form error or a problem response.</summary>
    public void ThrowIfAny()
    {
        if (Any) throw new DomainValidationException(_errors);
    }
}

/// <summary>Raised by rules when an input is refused; carries every reason.</summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(IReadOnlyList<ValidationError> errors)
        : base(string.Join("；", errors.Select(e => $"{e.Field}：{e.Message}")))
    {
        Errors = errors;
    }

    public DomainValidationException(string field, string code, string message)
        : this([new ValidationError(field, code, message)])
    {
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}

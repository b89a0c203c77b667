using Zhifa.Domain.Cases;

namespace Zhifa.Web.Infrastructure;

/// <summary>An area's reaction to another area's event; it runs in the raising request's scope and transaction.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent e);
}

/// <summary>
/// Delivers an event to every handler registered for it, one after another, inside the raiser's transaction: a handler
/// that fails rolls the whole act back, so nothing is half done. The raising area knows none of its subscribers, so
/// areas that react to a case do not make the case area call them back (no cycles).
/// </summary>
public sealed class DomainEvents(IServiceProvider services)
{
    public async Task PublishAsync<TEvent>(TEvent e) where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>()) await handler.HandleAsync(e);
    }
}

namespace Gamgyul.Messaging.Internal;

/// <summary>
/// An auto-reset signal that can be awaited with a timeout: consumer loops sleep on it and wake early when a
/// notification says there is something new, instead of busy-polling the broker.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Wakes the current (or next) waiter.</summary>
    public void Set() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Waits until <see cref="Set"/> is called or <paramref name="timeout"/> passes; then resets.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _next);
        if (!current.Task.IsCompleted && timeout > TimeSpan.Zero)
        {
            try
            {
                await current.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Timing out is the fallback poll, not an error.
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _next, NewSource(), current);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

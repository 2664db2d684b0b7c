using System.Numerics.Tensors;

namespace Gamgyul.Search.Vectors.Exact;

internal static class VectorMath
{
    /// <summary>
    /// Writes the unit vector of <paramref name="source"/>; a zero (or non-finite) vector stays zero and so
    /// scores 0 against everything, rather than NaN.
    /// </summary>
    public static void Normalize(ReadOnlySpan<float> source, Span<float> destination)
    {
        var norm = TensorPrimitives.Norm(source);
        if (norm > 0 && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(source, norm, destination);
        }
        else
        {
            destination[..source.Length].Clear();
        }
    }

    public static float[] Normalized(ReadOnlySpan<float> source)
    {
        var result = new float[source.Length];
        Normalize(source, result);
        return result;
    }

    public static void RequireDimensions(ReadOnlyMemory<float> vector, int dimensions, string what)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException($"The {what} has {vector.Length} dimensions; the index has {dimensions}.");
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImdbSentiment.Training.Networks;

/// <summary>
/// Row-major products and sums over plain memory for the managed recurrences (<see cref="TanhRecurrence"/>,
/// <see cref="LstmRecurrence"/>). Each element is summed over the same terms in the same order (multiply, then add:
/// no fused multiply-add, which would change the seed recipe's trained weights), a <see cref="Vector{T}"/> of columns
/// at a time with a scalar tail, so a result does not depend on the machine's vector width.
/// </summary>
internal static class VectorKernels
{
    /// <summary>destination += row M, for row [k], M [k, n] and destination [n].</summary>
    public static void AddProduct(ReadOnlySpan<float> row, ReadOnlySpan<float> matrix, Span<float> destination)
    {
        var (depth, columns) = (row.Length, destination.Length);
        if (matrix.Length != depth * columns)
            throw new ArgumentException($"The matrix must be [{depth}, {columns}] for a row of {depth} and a destination of {columns}, got {matrix.Length} elements.");
        // Bounds checked once above: the loops read through references, which the JIT does not check per element.
        ref var rowStart = ref MemoryMarshal.GetReference(row);
        ref var matrixStart = ref MemoryMarshal.GetReference(matrix);
        ref var destinationStart = ref MemoryMarshal.GetReference(destination);
        var width = Vector<float>.Count;
        var column = 0;
        // Four column vectors at once: four independent sums hide the add's latency, and each element's order is unchanged.
        for (; column <= columns - 4 * width; column += 4 * width)
        {
            var (at0, at1, at2, at3) = ((nuint)column, (nuint)(column + width), (nuint)(column + 2 * width), (nuint)(column + 3 * width));
            var sum0 = Vector.LoadUnsafe(ref destinationStart, at0);
            var sum1 = Vector.LoadUnsafe(ref destinationStart, at1);
            var sum2 = Vector.LoadUnsafe(ref destinationStart, at2);
            var sum3 = Vector.LoadUnsafe(ref destinationStart, at3);
            for (var k = 0; k < depth; k++)
            {
                var factor = new Vector<float>(Unsafe.Add(ref rowStart, k));
                var offset = (nuint)(k * columns);
                sum0 += Vector.LoadUnsafe(ref matrixStart, offset + at0) * factor;
                sum1 += Vector.LoadUnsafe(ref matrixStart, offset + at1) * factor;
                sum2 += Vector.LoadUnsafe(ref matrixStart, offset + at2) * factor;
                sum3 += Vector.LoadUnsafe(ref matrixStart, offset + at3) * factor;
            }

            sum0.StoreUnsafe(ref destinationStart, at0);
            sum1.StoreUnsafe(ref destinationStart, at1);
            sum2.StoreUnsafe(ref destinationStart, at2);
            sum3.StoreUnsafe(ref destinationStart, at3);
        }

        for (; column <= columns - width; column += width)
        {
            var sum = Vector.LoadUnsafe(ref destinationStart, (nuint)column);
            for (var k = 0; k < depth; k++)
                sum += Vector.LoadUnsafe(ref matrixStart, (nuint)(k * columns + column)) * Unsafe.Add(ref rowStart, k);
            sum.StoreUnsafe(ref destinationStart, (nuint)column);
        }

        for (; column < columns; column++)
        {
            var sum = Unsafe.Add(ref destinationStart, column);
            for (var k = 0; k < depth; k++)
                sum += Unsafe.Add(ref matrixStart, k * columns + column) * Unsafe.Add(ref rowStart, k);
            Unsafe.Add(ref destinationStart, column) = sum;
        }
    }

    /// <summary>destination += source.</summary>
    public static void AddTo(ReadOnlySpan<float> source, Span<float> destination)
    {
        var i = 0;
        for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            (new Vector<float>(destination[i..]) + new Vector<float>(source[i..])).CopyTo(destination[i..]);
        for (; i < source.Length; i++)
            destination[i] += source[i];
    }
}

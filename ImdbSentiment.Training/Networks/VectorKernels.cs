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
        // Eight column vectors at once: eight independent sums keep both multipliers and both adders busy (four left the
        // adds waiting on each other's latency), and each element's order is unchanged.
        for (; column <= columns - 8 * width; column += 8 * width)
            AddProductColumns(ref rowStart, ref matrixStart, ref destinationStart, depth, columns, column, width);

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

    /// <summary>Columns column to column + 8 vector widths of destination += row M.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddProductColumns(ref float rowStart, ref float matrixStart, ref float destinationStart, int depth, int columns, int column, int width)
    {
        var at = (nuint)column;
        var step = (nuint)width;
        var sum0 = Vector.LoadUnsafe(ref destinationStart, at);
        var sum1 = Vector.LoadUnsafe(ref destinationStart, at + step);
        var sum2 = Vector.LoadUnsafe(ref destinationStart, at + 2 * step);
        var sum3 = Vector.LoadUnsafe(ref destinationStart, at + 3 * step);
        var sum4 = Vector.LoadUnsafe(ref destinationStart, at + 4 * step);
        var sum5 = Vector.LoadUnsafe(ref destinationStart, at + 5 * step);
        var sum6 = Vector.LoadUnsafe(ref destinationStart, at + 6 * step);
        var sum7 = Vector.LoadUnsafe(ref destinationStart, at + 7 * step);
        for (var k = 0; k < depth; k++)
        {
            var factor = new Vector<float>(Unsafe.Add(ref rowStart, k));
            var offset = (nuint)(k * columns) + at;
            sum0 += Vector.LoadUnsafe(ref matrixStart, offset) * factor;
            sum1 += Vector.LoadUnsafe(ref matrixStart, offset + step) * factor;
            sum2 += Vector.LoadUnsafe(ref matrixStart, offset + 2 * step) * factor;
            sum3 += Vector.LoadUnsafe(ref matrixStart, offset + 3 * step) * factor;
            sum4 += Vector.LoadUnsafe(ref matrixStart, offset + 4 * step) * factor;
            sum5 += Vector.LoadUnsafe(ref matrixStart, offset + 5 * step) * factor;
            sum6 += Vector.LoadUnsafe(ref matrixStart, offset + 6 * step) * factor;
            sum7 += Vector.LoadUnsafe(ref matrixStart, offset + 7 * step) * factor;
        }

        sum0.StoreUnsafe(ref destinationStart, at);
        sum1.StoreUnsafe(ref destinationStart, at + step);
        sum2.StoreUnsafe(ref destinationStart, at + 2 * step);
        sum3.StoreUnsafe(ref destinationStart, at + 3 * step);
        sum4.StoreUnsafe(ref destinationStart, at + 4 * step);
        sum5.StoreUnsafe(ref destinationStart, at + 5 * step);
        sum6.StoreUnsafe(ref destinationStart, at + 6 * step);
        sum7.StoreUnsafe(ref destinationStart, at + 7 * step);
    }

    /// <summary>destination = source x scale + addend (addend may be destination itself).</summary>
    public static void ScaleAdd(ReadOnlySpan<float> source, float scale, ReadOnlySpan<float> addend, Span<float> destination)
    {
        if (addend.Length != source.Length || destination.Length != source.Length)
            throw new ArgumentException($"source, addend and destination must have the same length, got {source.Length}, {addend.Length} and {destination.Length}.");
        var factor = new Vector<float>(scale);
        var i = 0;
        for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            (new Vector<float>(source[i..]) * factor + new Vector<float>(addend[i..])).CopyTo(destination[i..]);
        for (; i < source.Length; i++)
            destination[i] = source[i] * scale + addend[i];
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

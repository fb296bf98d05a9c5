package org.relais.ingest.lake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Writes rows of a lake table to one Parquet file, straight from the executor that parsed them,
 * laid out exactly as Spark writes the same schema: standard three-level lists, strings as UTF-8
 * binaries, timestamps as INT96, and Spark's schema in the footer. Every column is declared
 * optional, as in the segments Spark writes from rows it read (Spark reads every column as
 * nullable), though a null in a column the table requires is refused. A file written here and
 * one written by {@code Dataset.write().parquet(...)} are read alike by Spark, pandas and pyarrow,
 * so both kinds can sit in one table.
 *
 * <p>Why not Spark's own writer: it takes Spark's internal rows, which the parse step would first
 * have to convert its rows into, one by one, for every record of the night; writing the rows
 * directly spares that conversion and a sort by table.
 *
 * <p>Supported column types: string, long, int, boolean, binary, timestamp, arrays and structs of
 * those. Values are what {@link Rows} builds: Java strings, boxed numbers, {@link Timestamp}s,
 * {@code byte[]}, arrays (or lists) and {@link Row}s.
 */
public final class ParquetRowWriter implements Closeable {

    /** The footer key under which Spark keeps a file's schema (its {@code ParquetReadSupport}). */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    /**
     * The footer key under which Spark records the version that wrote a file. From 3.0 on, it
     * means that dates and times are in the proleptic Gregorian calendar, which is what
     * {@code java.time} gives; without it, Spark refuses to read times before 1900 written as INT96.
     */
    static final String SPARK_VERSION_KEY = "org.apache.spark.version";

    private final ParquetWriter<Row> writer;
    private long rows;

    private ParquetRowWriter(ParquetWriter<Row> writer) {
        this.writer = writer;
    }

    /**
     * Creates (or replaces) the file at {@code path}.
     *
     * @param codec a Parquet codec name, as {@code spark.sql.parquet.compression.codec} gives it
     */
    public static ParquetRowWriter create(Path path, StructType schema, String codec, Configuration conf)
            throws IOException {
        ParquetWriter<Row> writer = new Builder(HadoopOutputFile.fromPath(path, conf), schema)
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.fromConf(codec.equals("none") ? "uncompressed" : codec))
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                // Half of Spark's 128 MB: a task keeps a row group in memory for each table it writes.
                .withRowGroupSize(64L << 20)
                .build();
        return new ParquetRowWriter(writer);
    }

    public void write(Row row) throws IOException {
        writer.write(row);
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** The Parquet schema Spark writes for {@code schema} (its {@code SparkToParquetSchemaConverter}, standard mode). */
    static MessageType parquetSchema(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : schema.fields()) {
            message.addField(type(f.name(), f.dataType(), f.nullable()));
        }
        return message.named("spark_schema");
    }

    /** {@code type} with every field, and every array's elements, nullable. */
    static DataType nullable(DataType type) {
        if (type instanceof ArrayType array) {
            return new ArrayType(nullable(array.elementType()), true);
        } else if (type instanceof StructType struct) {
            StructField[] fields = new StructField[struct.fields().length];
            for (int i = 0; i < fields.length; i++) {
                StructField f = struct.fields()[i];
                fields[i] = new StructField(f.name(), nullable(f.dataType()), true, f.metadata());
            }
            return new StructType(fields);
        }
        return type;
    }

    private static Type type(String name, DataType type, boolean nullable) {
        Repetition repetition = nullable ? Repetition.OPTIONAL : Repetition.REQUIRED;
        if (type instanceof StringType) {
            return Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType())
                    .named(name);
        } else if (type instanceof LongType) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
        } else if (type instanceof IntegerType) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
        } else if (type instanceof BooleanType) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
        } else if (type instanceof BinaryType) {
            return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
        } else if (type instanceof TimestampType) {
            return Types.primitive(PrimitiveTypeName.INT96, repetition).named(name);
        } else if (type instanceof ArrayType array) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup()
                            .addField(type("element", array.elementType(), array.containsNull()))
                            .named("list"))
                    .named(name);
        } else if (type instanceof StructType struct) {
            Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(repetition);
            for (StructField f : struct.fields()) {
                group.addField(type(f.name(), f.dataType(), f.nullable()));
            }
            return group.named(name);
        }
        throw new IllegalArgumentException("column " + name + ": type " + type.simpleString() + " is not supported");
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {

        private final StructType schema;

        Builder(OutputFile file, StructType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }
    }

    /**
     * Turns a row into Parquet's record events, column by column. The schema is compiled once into
     * one writer per column, so that writing a value does not look up its type again.
     */
    private static final class RowWriteSupport extends WriteSupport<Row> {

        private static final long MICROS_PER_DAY = 86_400_000_000L;
        /** The Julian day number of 1970-01-01, as INT96 timestamps count days. */
        private static final int JULIAN_DAY_OF_EPOCH = 2_440_588;

        private final StructType schema;
        private final Field[] fields;
        private RecordConsumer out;

        /** Writes one non-null value. */
        @FunctionalInterface
        private interface ValueWriter {
            void write(Object value);
        }

        private record Field(String name, int index, boolean nullable, ValueWriter writer) {
        }

        RowWriteSupport(StructType schema) {
            this.schema = schema;
            this.fields = compile(schema);
        }

        private Field[] compile(StructType struct) {
            StructField[] f = struct.fields();
            Field[] compiled = new Field[f.length];
            for (int i = 0; i < f.length; i++) {
                compiled[i] = new Field(f[i].name(), i, f[i].nullable(), writer(f[i].name(), f[i].dataType()));
            }
            return compiled;
        }

        private ValueWriter writer(String name, DataType type) {
            if (type instanceof StringType) {
                return v -> out.addBinary(Binary.fromConstantByteArray(utf8((String) v)));
            } else if (type instanceof LongType) {
                return v -> out.addLong(((Number) v).longValue());
            } else if (type instanceof IntegerType) {
                return v -> out.addInteger(((Number) v).intValue());
            } else if (type instanceof BooleanType) {
                return v -> out.addBoolean((Boolean) v);
            } else if (type instanceof BinaryType) {
                return v -> out.addBinary(Binary.fromReusedByteArray((byte[]) v));
            } else if (type instanceof TimestampType) {
                return v -> out.addBinary(int96((Timestamp) v));
            } else if (type instanceof ArrayType array) {
                ValueWriter element = writer(name, array.elementType());
                return v -> list(element, v instanceof List<?> l ? l.toArray() : (Object[]) v);
            } else if (type instanceof StructType struct) {
                Field[] nested = compile(struct);
                return v -> {
                    out.startGroup();
                    fields((Row) v, nested);
                    out.endGroup();
                };
            }
            throw new IllegalArgumentException("column " + name + ": type " + type.simpleString() + " is not supported");
        }

        @Override
        public WriteContext init(Configuration configuration) {
            StructType declared = (StructType) nullable(schema);
            return new WriteContext(parquetSchema(declared), Map.of(SPARK_SCHEMA_KEY, declared.json(),
                    SPARK_VERSION_KEY, org.apache.spark.package$.MODULE$.SPARK_VERSION()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Row row) {
            out.startMessage();
            fields(row, fields);
            out.endMessage();
        }

        private void fields(Row row, Field[] fields) {
            for (Field f : fields) {
                Object value = row.get(f.index());
                if (value == null) {
                    if (!f.nullable()) {
                        throw new IllegalArgumentException("column " + f.name() + " may not be null");
                    }
                    continue;
                }
                out.startField(f.name(), f.index());
                f.writer().write(value);
                out.endField(f.name(), f.index());
            }
        }

        private void list(ValueWriter element, Object[] elements) {
            out.startGroup();
            if (elements.length > 0) {
                out.startField("list", 0);
                for (Object e : elements) {
                    out.startGroup();
                    if (e != null) {
                        out.startField("element", 0);
                        element.write(e);
                        out.endField("element", 0);
                    }
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
        }

        /**
         * {@code s} in UTF-8, where half a surrogate pair (a JSON escape of one half of an emoji
         * without the other, as in a text cut in the middle of one) becomes U+FFFD, the
         * replacement character, rather than the {@code '?'} that {@link String#getBytes} writes
         * for it, which would read as a question mark the author typed.
         */
        static byte[] utf8(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                if (b == '?') {
                    // The author's, or what getBytes wrote for half a pair: only then are the
                    // characters looked at, and only for half a pair is the string encoded again,
                    // by an encoder that writes U+FFFD instead (slower than getBytes).
                    return hasLoneSurrogate(s) ? replacingEncoding(s) : bytes;
                }
            }
            return bytes;
        }

        private static boolean hasLoneSurrogate(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }

        private static byte[] replacingEncoding(String s) {
            try {
                ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8))
                        .encode(CharBuffer.wrap(s));
                return Arrays.copyOf(encoded.array(), encoded.limit());
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("an encoder that replaces cannot fail", e);
            }
        }

        /** Nanoseconds of the day then the Julian day, little-endian: how Spark writes INT96. */
        private static Binary int96(Timestamp t) {
            // Spark's own conversion of a java.sql.Timestamp (which reads dates before 1582 in the
            // Julian calendar), so that a row is stored alike whichever writer writes it.
            long micros = org.apache.spark.sql.catalyst.util.DateTimeUtils.fromJavaTimestamp(t);
            long day = Math.floorDiv(micros, MICROS_PER_DAY);
            long nanosOfDay = Math.floorMod(micros, MICROS_PER_DAY) * 1000;
            ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            bytes.putLong(nanosOfDay).putInt((int) (day + JULIAN_DAY_OF_EPOCH));
            return Binary.fromConstantByteArray(bytes.array());
        }
    }
}

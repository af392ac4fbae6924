package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class InvalidSyntaxExceptionTest {

    @Test
    void carriesKindValueAndReason() {
        InvalidSyntaxException e = catchThrowableOfType(InvalidSyntaxException.class,
                () -> Nsid.parse("com.example"));
        assertThat(e.kind()).isEqualTo("NSID");
        assertThat(e.value()).isEqualTo("com.example");
        assertThat(e.reason()).isEqualTo("needs at least three segments");
        assertThat(e).hasMessage("invalid NSID \"com.example\": needs at least three segments");
    }

    @Test
    void truncatesAndEscapesTheValueInTheMessage() {
        String huge = "did:plc:" + "x".repeat(5000);
        InvalidSyntaxException e = catchThrowableOfType(InvalidSyntaxException.class, () -> Did.parse(huge));
        assertThat(e.value()).isEqualTo(huge);
        assertThat(e.getMessage()).hasSizeLessThan(200).contains("(5008 chars)");
        InvalidSyntaxException control = catchThrowableOfType(InvalidSyntaxException.class,
                () -> Handle.parse("a\nb.test"));
        assertThat(control.getMessage()).contains("a\\u000ab.test").doesNotContain("\n");
    }
}

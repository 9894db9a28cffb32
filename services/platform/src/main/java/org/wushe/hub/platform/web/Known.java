package org.wushe.hub.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Avro enums double as API enums. Their {@code UNKNOWN} symbol is what an old reader sees for a
 * symbol added later, never a writer's choice: a request naming it is refused like a wrong enum.
 */
@Documented
@Constraint(validatedBy = Known.Validator.class)
@Target({
    ElementType.METHOD,
    ElementType.FIELD,
    ElementType.ANNOTATION_TYPE,
    ElementType.CONSTRUCTOR,
    ElementType.PARAMETER,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Known {

    String message() default "UNKNOWN is not a value to choose; pick one of the others";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Known, Enum<?>> {
        @Override
        public boolean isValid(Enum<?> value, ConstraintValidatorContext context) {
            return value == null || !value.name().equals("UNKNOWN");
        }
    }
}

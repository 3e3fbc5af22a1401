'use strict';
exports.greeting = (name) => `Hello, ${name}! (published by Maven, installed by npm)`;

'use strict';
const { greeting } = require('./lib/greeting');

module.exports = function hello(name) {
  return greeting(name || 'world');
};
